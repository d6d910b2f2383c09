"""add quiz layout (one per page / all on one page) and the response's review flag

Revision ID: b7c2e4a91d03
Revises: 606d036956dc
Create Date: 2026-12-02 12:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c2e4a91d03'
down_revision = '606d036956dc'
branch_labels = None
depends_on = None


def upgrade():
    # Existing quizzes become paged too: that is the new default for every student.
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('layout', sa.String(length=10), server_default='paged', nullable=False)
        )
        batch_op.create_check_constraint(op.f('ck_quiz_layout'), "layout IN ('paged', 'single')")

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('flagged', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_column('flagged')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_quiz_layout'), type_='check')
        batch_op.drop_column('layout')
