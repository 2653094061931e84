"""versioned tables: every table the picture reads keeps its history

Each such table gets `valid_from` (the data version that wrote the row; existing rows get 0)
and a `<table>_history` of earlier row contents; `data_version` holds the newest version
(starting at 0) and the database's identity; a snapshot records an as-of version instead of a copy of the tables (old
snapshots keep their payload and stay readable); `definition_file` stores definition files
once per content.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 06:27:27.620899
"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activity_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=80), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=False),
    sa.Column('focus_area_id', sa.String(length=40), nullable=False),
    sa.Column('district_code', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('activity_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_history_valid_to'), ['valid_to'], unique=False)

    data_version = op.create_table('data_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('current', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(data_version, [{'id': 1, 'current': 0, 'store_id': str(uuid.uuid4())}])
    op.create_table('definition_file',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('district_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('parent_code', sa.String(length=40), nullable=True),
    sa.Column('is_priority', sa.Boolean(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('district_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_district_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_district_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('focus_area_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('name_sv', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('scope_sv', sa.Text(), nullable=False),
    sa.Column('scope_en', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('focus_area_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_focus_area_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_focus_area_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('import_batch_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('source_id', sa.String(length=60), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('vintage', sa.String(length=40), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=200), nullable=False),
    sa.Column('rows_added', sa.Integer(), nullable=False),
    sa.Column('rows_changed', sa.Integer(), nullable=False),
    sa.Column('rows_unchanged', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('import_batch_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_batch_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('indicator_definition_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('name_sv', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('definition_sv', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('periodicity', sa.String(length=20), nullable=False),
    sa.Column('direction', sa.String(length=20), nullable=False),
    sa.Column('focus_areas', sa.String(length=200), nullable=False),
    sa.Column('partner_id', sa.String(length=40), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('indicator_definition_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_definition_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_definition_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('observation_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.String(length=80), nullable=False),
    sa.Column('area_code', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=True),
    sa.Column('partner_id', sa.String(length=40), nullable=True),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('observation_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observation_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_observation_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('partner_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('partner_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('police_event_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('type', sa.String(length=120), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('location_name', sa.String(length=120), nullable=False),
    sa.Column('kommun', sa.String(length=120), nullable=True),
    sa.Column('district', sa.String(length=120), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('police_event_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_police_event_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_police_event_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('reform_district_link_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reform_id', sa.String(length=10), nullable=False),
    sa.Column('district_code', sa.String(length=40), nullable=False),
    sa.Column('strength', sa.String(length=20), nullable=False),
    sa.Column('reasoning_sv', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('reform_district_link_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reform_district_link_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_reform_district_link_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('reform_focus_link_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reform_id', sa.String(length=10), nullable=False),
    sa.Column('focus_area_id', sa.String(length=40), nullable=False),
    sa.Column('strength', sa.String(length=20), nullable=False),
    sa.Column('reasoning_sv', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('reform_focus_link_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reform_focus_link_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_reform_focus_link_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('reform_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=10), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title_sv', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=False),
    sa.Column('theme', sa.String(length=80), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('reform_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reform_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_reform_history_valid_to'), ['valid_to'], unique=False)

    op.create_table('reform_update_history',
    sa.Column('hid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reform_id', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=True),
    sa.Column('update_date', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('motivation', sa.Text(), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('via_import', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.Integer(), nullable=False),
    sa.Column('valid_to', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('hid')
    )
    with op.batch_alter_table('reform_update_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reform_update_history_valid_from'), ['valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_reform_update_history_valid_to'), ['valid_to'], unique=False)

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_activity_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('district', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_district_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('focus_area', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_focus_area_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_import_batch_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('indicator_definition', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_indicator_definition_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_observation_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_partner_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('police_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_police_event_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('reform', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reform_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('reform_district_link', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reform_district_link_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('reform_focus_link', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reform_focus_link_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('reform_update', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_reform_update_valid_from'), ['valid_from'], unique=False)

    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('as_of_version', sa.Integer(), nullable=True))
        batch_op.alter_column('payload',
               existing_type=sa.LargeBinary(),
               nullable=True)



def downgrade() -> None:
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.alter_column('payload',
               existing_type=sa.LargeBinary(),
               nullable=False)
        batch_op.drop_column('as_of_version')

    with op.batch_alter_table('reform_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_update_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('reform_focus_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_focus_link_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('reform_district_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_district_link_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('reform', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('police_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_police_event_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observation_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('indicator_definition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_definition_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('focus_area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_focus_area_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('district', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_valid_from'))
        batch_op.drop_column('valid_from')

    with op.batch_alter_table('reform_update_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_update_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_reform_update_history_valid_from'))

    op.drop_table('reform_update_history')
    with op.batch_alter_table('reform_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_reform_history_valid_from'))

    op.drop_table('reform_history')
    with op.batch_alter_table('reform_focus_link_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_focus_link_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_reform_focus_link_history_valid_from'))

    op.drop_table('reform_focus_link_history')
    with op.batch_alter_table('reform_district_link_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reform_district_link_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_reform_district_link_history_valid_from'))

    op.drop_table('reform_district_link_history')
    with op.batch_alter_table('police_event_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_police_event_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_police_event_history_valid_from'))

    op.drop_table('police_event_history')
    with op.batch_alter_table('partner_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_partner_history_valid_from'))

    op.drop_table('partner_history')
    with op.batch_alter_table('observation_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observation_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_observation_history_valid_from'))

    op.drop_table('observation_history')
    with op.batch_alter_table('indicator_definition_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_definition_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_indicator_definition_history_valid_from'))

    op.drop_table('indicator_definition_history')
    with op.batch_alter_table('import_batch_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_import_batch_history_valid_from'))

    op.drop_table('import_batch_history')
    with op.batch_alter_table('focus_area_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_focus_area_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_focus_area_history_valid_from'))

    op.drop_table('focus_area_history')
    with op.batch_alter_table('district_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_district_history_valid_from'))

    op.drop_table('district_history')
    op.drop_table('definition_file')
    op.drop_table('data_version')
    with op.batch_alter_table('activity_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_history_valid_to'))
        batch_op.drop_index(batch_op.f('ix_activity_history_valid_from'))

    op.drop_table('activity_history')
