"""place observations (EST): partners' reporters file what they saw, by area, day and time band

`place_observation` is picture data (it feeds the weekly and district views), so it is a
versioned table with its `place_observation_history`, like the others of 0003: a frozen meeting
keeps showing exactly the observations it was frozen with. Only the area is stored, never a
point; the note stays out of the picture (lagesbild.store.models.PICTURE_EXCLUDED).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _columns() -> list:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('partner_id', sa.String(length=40), nullable=False),
        sa.Column('district_code', sa.String(length=40), nullable=False),
        sa.Column('observed_on', sa.Date(), nullable=False),
        sa.Column('time_band', sa.String(length=20), nullable=False),
        sa.Column('category', sa.String(length=60), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('plan_action_id', sa.Integer(), nullable=True),
        sa.Column('author', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('valid_from', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    cols = _columns()
    cols[0] = sa.Column('id', sa.Integer(), autoincrement=True, nullable=False)
    op.create_table('place_observation', *cols,
                    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], ),
                    sa.ForeignKeyConstraint(['plan_action_id'], ['plan_action.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('place_observation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_observation_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_observation_district_code'), ['district_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_observation_observed_on'), ['observed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_observation_valid_from'), ['valid_from'], unique=False)
    op.create_table('place_observation_history',
                    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False), *_columns(),
                    sa.Column('valid_to', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('hid'))
    with op.batch_alter_table('place_observation_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_observation_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_observation_history_valid_to'), ['valid_to'], unique=False)


def downgrade() -> None:
    op.drop_table('place_observation_history')
    op.drop_table('place_observation')
