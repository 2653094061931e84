"""activities of the samverkansöverenskommelse become entries of the åtgärdsplan

One concept of åtgärd (issue 13): after 0004 made every meeting åtgärd a plan entry, every
`activity` row gets its plan entry too, linked by the new `plan_action.activity_id`: same
title, description, focus area, area, responsible partner and period, and a first status that
is the activity's status with its follow-up as the note. The activity row stays: it is the
picture's versioned record, which frozen meetings read; lagesbild.store.action_plan keeps the
two equal from now on.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 16:00:00
"""
from datetime import datetime

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

MIGRATED_BY = "migrering 0008"

_act = sa.table('activity', sa.column('id', sa.Integer), sa.column('title', sa.String), sa.column('description', sa.Text),
                sa.column('partner_id', sa.String), sa.column('focus_area_id', sa.String),
                sa.column('district_code', sa.String), sa.column('status', sa.String), sa.column('start_date', sa.Date),
                sa.column('end_date', sa.Date), sa.column('follow_up', sa.Text), sa.column('updated_at', sa.DateTime),
                sa.column('updated_by', sa.String))
# A Table (not a lightweight table) so the insert hands back its new primary key.
_pa = sa.Table('plan_action', sa.MetaData(), sa.Column('id', sa.Integer, primary_key=True), sa.Column('title', sa.String),
               sa.Column('description', sa.Text), sa.Column('focus_area_id', sa.String),
               sa.Column('area_codes', sa.JSON), sa.Column('indicator_ids', sa.JSON), sa.Column('partner_ids', sa.JSON),
               sa.Column('owner', sa.String), sa.Column('start_date', sa.Date), sa.Column('end_date', sa.Date),
               sa.Column('reform_ids', sa.JSON), sa.Column('activity_ids', sa.JSON), sa.Column('activity_id', sa.Integer),
               sa.Column('version', sa.Integer), sa.Column('created_at', sa.DateTime), sa.Column('created_by', sa.String),
               sa.Column('updated_at', sa.DateTime), sa.Column('updated_by', sa.String))
_pu = sa.table('plan_action_update', sa.column('action_id', sa.Integer), sa.column('seq', sa.Integer),
               sa.column('status', sa.String), sa.column('note', sa.Text), sa.column('recorded_at', sa.DateTime),
               sa.column('recorded_by', sa.String))


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        # As in 0004: one statement, no batch rebuild of a table others refer to.
        op.execute('ALTER TABLE plan_action ADD COLUMN activity_id INTEGER REFERENCES activity (id)')
    else:
        op.add_column('plan_action', sa.Column('activity_id', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_plan_action_activity_id', 'plan_action', 'activity', ['activity_id'], ['id'])
    op.create_index('ix_plan_action_activity_id', 'plan_action', ['activity_id'], unique=True)
    _adopt_activities()


def _adopt_activities() -> None:
    conn = op.get_bind()
    now = datetime.utcnow().replace(microsecond=0)
    for a in conn.execute(sa.select(_act).order_by(_act.c.id)).mappings().all():
        when, who = a['updated_at'] or now, a['updated_by'] or MIGRATED_BY
        pid = conn.execute(sa.insert(_pa).values(
            title=a['title'], description=a['description'] or '', focus_area_id=a['focus_area_id'],
            area_codes=[a['district_code']] if a['district_code'] else [], indicator_ids=[],
            partner_ids=[a['partner_id']], owner='', start_date=a['start_date'], end_date=a['end_date'], reform_ids=[],
            activity_ids=[], activity_id=a['id'], version=1, created_at=when, created_by=who, updated_at=now,
            updated_by=MIGRATED_BY,
        )).inserted_primary_key[0]
        conn.execute(sa.insert(_pu).values(action_id=pid, seq=1, status=a['status'], note=a['follow_up'] or '',
                                           recorded_at=when, recorded_by=who))


def downgrade() -> None:
    # The entries stay in the plan (as entries of their own); only the link goes.
    op.drop_index('ix_plan_action_activity_id', table_name='plan_action')
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_column('activity_id')
