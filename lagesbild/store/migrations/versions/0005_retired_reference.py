"""retired reference data: partners, focus areas and reforms can be retired by an admin

`retired_at` on partner, focus_area and reform (and their history tables, which mirror the
columns): a retired entry stays in history and in old activities but is offered for nothing new.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 07:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TABLES = ('partner', 'partner_history', 'focus_area', 'focus_area_history', 'reform', 'reform_history')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('retired_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('retired_at')
