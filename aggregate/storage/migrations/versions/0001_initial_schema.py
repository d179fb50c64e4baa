"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 06:14:19.022092
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('ocr', sa.Boolean(), nullable=False),
    sa.Column('encoding_repaired', sa.String(length=8), nullable=True),
    sa.Column('unit_id', sa.String(length=80), nullable=True),
    sa.Column('period', sa.String(length=20), nullable=True),
    sa.Column('doc_type', sa.Text(), nullable=True),
    sa.Column('number', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_district', sa.Boolean(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('ix_documents_unit_period', ['unit_id', 'period', 'status'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('display', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('gender', sa.String(length=4), nullable=True),
    sa.Column('unit_id', sa.String(length=80), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key', 'unit_id', name='uq_people_key_unit')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_key'), ['key'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('parent', sa.String(length=80), nullable=True),
    sa.Column('valid_from', sa.String(length=10), nullable=True),
    sa.Column('valid_to', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.String(length=80), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('collectives', sa.Integer(), nullable=True),
    sa.Column('individuals', sa.Integer(), nullable=True),
    sa.Column('households', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Numeric(precision=4, scale=2), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('block', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('awards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_awards_award_id'), ['award_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_awards_document_id'), ['document_id'], unique=False)

    op.create_table('blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'idx')
    )
    op.create_table('cited_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Text(), nullable=False),
    sa.Column('doc_type', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('block', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cited_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cited_documents_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cited_documents_number'), ['number'], unique=False)

    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('indicator_id', sa.String(length=80), nullable=True),
    sa.Column('indicator_score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('value', sa.Numeric(precision=38, scale=6), nullable=False),
    sa.Column('value_max', sa.Numeric(precision=38, scale=6), nullable=True),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('qualifier', sa.Text(), nullable=True),
    sa.Column('attainment_percent', sa.Numeric(precision=38, scale=6), nullable=True),
    sa.Column('attainment_of', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('block', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figures_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_indicator_id'), ['indicator_id'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('unit_id', sa.String(length=80), nullable=True),
    sa.Column('score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('method', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('block', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizations_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_unit_id'), ['unit_id'], unique=False)

    op.create_table('replacements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=80), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('old_document_id', sa.Integer(), nullable=False),
    sa.Column('new_document_id', sa.Integer(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['new_document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['old_document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('commendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('award_row_id', sa.Integer(), nullable=True),
    sa.Column('award_id', sa.String(length=80), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=False),
    sa.Column('recipient_key', sa.Text(), nullable=False),
    sa.Column('recipient_kind', sa.String(length=12), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.String(length=80), nullable=True),
    sa.Column('period', sa.String(length=20), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('block', sa.Integer(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['award_row_id'], ['awards.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('commendations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commendations_year'), ['year'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendations_award_id'), ['award_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendations_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendations_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendations_recipient_key'), ['recipient_key'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('commendations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commendations_recipient_key'))
        batch_op.drop_index(batch_op.f('ix_commendations_period'))
        batch_op.drop_index(batch_op.f('ix_commendations_document_id'))
        batch_op.drop_index(batch_op.f('ix_commendations_award_id'))

    op.drop_table('commendations')
    op.drop_table('replacements')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_unit_id'))
        batch_op.drop_index(batch_op.f('ix_organizations_document_id'))

    op.drop_table('organizations')
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figures_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_figures_document_id'))

    op.drop_table('figures')
    with op.batch_alter_table('cited_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cited_documents_number'))
        batch_op.drop_index(batch_op.f('ix_cited_documents_document_id'))

    op.drop_table('cited_documents')
    op.drop_table('blocks')
    with op.batch_alter_table('awards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_awards_document_id'))
        batch_op.drop_index(batch_op.f('ix_awards_award_id'))

    op.drop_table('awards')
    op.drop_table('units')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_key'))

    op.drop_table('people')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_unit_period')
        batch_op.drop_index(batch_op.f('ix_documents_unit_id'))
        batch_op.drop_index(batch_op.f('ix_documents_period'))

    op.drop_table('documents')
