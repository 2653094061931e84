"""åtgärdsplan: plan_action and its status history; meeting åtgärder become plan entries

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

One concept of åtgärd (issue 13, stage 1). Every `meeting_action` row of kind "atgard"
becomes an entry of the plan:

- A carried chain (a row and the copies `carried_from` made of it at later meetings) is one
  åtgärd, so it becomes ONE plan entry: text → title (and description when longer than a
  title may be), owner → owner, due date → end date, and the meeting of the chain's first
  row → the meeting it was decided at. Focus area, areas and indicators were never recorded
  at meetings, so they stay empty: the plan page counts these as "utan kopplad indikator".
- Status history: "planerad" when the åtgärd was recorded, and "genomförd" when any row of
  the chain was marked done (at the time of the migration: the old rows kept no date for it).
- The old rows are KEPT, each linked to its entry through the new column
  `meeting_action.plan_action_id`. They are the meeting's own record (which agenda point,
  who recorded it, what was carried from which meeting), the meeting page and the meeting
  pack read them, and a deleted row would break the `carried_from` chain. Their `done`
  flag stays as a mirror of the entry's status, written in the same transaction by
  lagesbild.store.action_plan, so there is one status and one history: the plan's.

The samverkansöverenskommelse's activities stay activities; an åtgärd links them by id
(`plan_action.activity_ids`), so nothing of them is migrated.
"""
from datetime import datetime

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

MIGRATED_BY = "migrering 0004"
TITLE_MAX = 300


def upgrade() -> None:
    op.create_table('plan_action',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('focus_area_id', sa.String(length=40), nullable=True),
    sa.Column('area_codes', sa.JSON(), nullable=False),
    sa.Column('indicator_ids', sa.JSON(), nullable=False),
    sa.Column('partner_ids', sa.JSON(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('reform_ids', sa.JSON(), nullable=False),
    sa.Column('activity_ids', sa.JSON(), nullable=False),
    sa.Column('effect_indicator_id', sa.String(length=80), nullable=True),
    sa.Column('effect_direction', sa.String(length=10), nullable=True),
    sa.Column('effect_horizon', sa.String(length=10), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['focus_area_id'], ['focus_area.id'], ),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_plan_action_focus_area_id', 'plan_action', ['focus_area_id'], unique=False)
    op.create_table('plan_action_update',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['plan_action.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('action_id', 'seq', name='uq_plan_action_update_seq')
    )
    op.create_index('ix_plan_action_update_action_id', 'plan_action_update', ['action_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite adds a column with its reference in one statement; a batch rebuild of the
        # table would trip over its own carried_from references with foreign keys on.
        op.execute('ALTER TABLE meeting_action ADD COLUMN plan_action_id INTEGER REFERENCES plan_action (id)')
    else:
        op.add_column('meeting_action', sa.Column('plan_action_id', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_meeting_action_plan_action_id', 'meeting_action', 'plan_action',
                              ['plan_action_id'], ['id'])
    op.create_index('ix_meeting_action_plan_action_id', 'meeting_action', ['plan_action_id'], unique=False)
    _migrate_meeting_actions()


_ma = sa.table('meeting_action', sa.column('id', sa.Integer), sa.column('meeting_id', sa.Integer),
               sa.column('kind', sa.String), sa.column('text', sa.Text), sa.column('owner', sa.String),
               sa.column('due_date', sa.Date), sa.column('done', sa.Boolean), sa.column('carried_from', sa.Integer),
               sa.column('created_at', sa.DateTime), sa.column('created_by', sa.String),
               sa.column('plan_action_id', sa.Integer))
# A Table (not a lightweight table) so the insert hands back its new primary key.
_pa = sa.Table('plan_action', sa.MetaData(), sa.Column('id', sa.Integer, primary_key=True), sa.Column('title', sa.String),
               sa.Column('description', sa.Text), sa.Column('focus_area_id', sa.String),
               sa.Column('area_codes', sa.JSON), sa.Column('indicator_ids', sa.JSON), sa.Column('partner_ids', sa.JSON),
               sa.Column('owner', sa.String), sa.Column('start_date', sa.Date), sa.Column('end_date', sa.Date),
               sa.Column('reform_ids', sa.JSON), sa.Column('activity_ids', sa.JSON),
               sa.Column('meeting_id', sa.Integer), sa.Column('version', sa.Integer),
               sa.Column('created_at', sa.DateTime), sa.Column('created_by', sa.String),
               sa.Column('updated_at', sa.DateTime), sa.Column('updated_by', sa.String))
_pu = sa.table('plan_action_update', sa.column('action_id', sa.Integer), sa.column('seq', sa.Integer),
               sa.column('status', sa.String), sa.column('note', sa.Text), sa.column('recorded_at', sa.DateTime),
               sa.column('recorded_by', sa.String))


def _migrate_meeting_actions() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(_ma).where(_ma.c.kind == 'atgard').order_by(_ma.c.id)).mappings().all()
    by_id = {r['id']: r for r in rows}

    def root(r):
        seen = set()
        while r['carried_from'] in by_id and r['id'] not in seen:
            seen.add(r['id'])
            r = by_id[r['carried_from']]
        return r['id']

    chains: dict[int, list] = {}
    for r in rows:
        chains.setdefault(root(r), []).append(r)
    now = datetime.utcnow().replace(microsecond=0)
    for root_id, chain in chains.items():
        first = by_id[root_id]
        text = (first['text'] or '').strip()
        title = text if len(text) <= TITLE_MAX else text[:TITLE_MAX - 1] + '…'
        done = any(r['done'] for r in chain)
        created = first['created_at'] or now
        pid = conn.execute(sa.insert(_pa).values(
            title=title, description=text if title != text else '', focus_area_id=None, area_codes=[],
            indicator_ids=[], partner_ids=[], owner=first['owner'] or '', start_date=None, end_date=chain[-1]['due_date'],
            reform_ids=[], activity_ids=[], meeting_id=first['meeting_id'], version=2 if done else 1,
            created_at=created, created_by=first['created_by'] or MIGRATED_BY, updated_at=now, updated_by=MIGRATED_BY,
        )).inserted_primary_key[0]
        updates = [dict(action_id=pid, seq=1, status='planerad', note='', recorded_at=created,
                        recorded_by=first['created_by'] or MIGRATED_BY)]
        if done:
            updates.append(dict(action_id=pid, seq=2, status='genomford',
                                note='Markerad som klar vid mötet (datum för markeringen sparades inte).',
                                recorded_at=now, recorded_by=MIGRATED_BY))
        conn.execute(sa.insert(_pu), updates)
        conn.execute(sa.update(_ma).where(_ma.c.id.in_([r['id'] for r in chain])).values(plan_action_id=pid, done=done))


def downgrade() -> None:
    op.drop_index('ix_meeting_action_plan_action_id', table_name='meeting_action')
    with op.batch_alter_table('meeting_action', schema=None) as batch_op:
        batch_op.drop_column('plan_action_id')
    op.drop_index('ix_plan_action_update_action_id', table_name='plan_action_update')
    op.drop_table('plan_action_update')
    op.drop_index('ix_plan_action_focus_area_id', table_name='plan_action')
    op.drop_table('plan_action')
