"""analysis text: the lägesbild document's analysis per year and section, append-only

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('analysis_text',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=80), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_analysis_text_year_section', 'analysis_text', ['year', 'section'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_analysis_text_year_section', table_name='analysis_text')
    op.drop_table('analysis_text')
