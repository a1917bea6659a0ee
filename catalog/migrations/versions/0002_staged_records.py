"""Staged records: the valid rows of a submission, held until it is approved or discarded.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staged_records',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('submission_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('row_number', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=128), nullable=False),
    sa.Column('record', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_staged_records_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staged_records')),
    sa.UniqueConstraint('submission_id', 'row_number', name=op.f('uq_staged_records_submission_id'))
    )
    with op.batch_alter_table('staged_records', schema=None) as batch_op:
        batch_op.create_index('ix_staged_records_submission_local_id', ['submission_id', 'local_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('staged_records', schema=None) as batch_op:
        batch_op.drop_index('ix_staged_records_submission_local_id')

    op.drop_table('staged_records')
