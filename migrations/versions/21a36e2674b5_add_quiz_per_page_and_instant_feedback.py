"""add the quiz's "N per page" layout (per_page) and its instant-feedback setting

Revision ID: 21a36e2674b5
Revises: fffdf0dcfb7d
Create Date: 2026-12-02 15:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '21a36e2674b5'
down_revision = 'fffdf0dcfb7d'
branch_labels = None
depends_on = None


def upgrade():
    # Existing quizzes keep their behaviour: instant feedback off, layout unchanged.
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('per_page', sa.Integer(), server_default='5', nullable=False))
        batch_op.add_column(
            sa.Column('instant', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.drop_constraint(op.f('ck_quiz_layout'), type_='check')
        batch_op.create_check_constraint(
            op.f('ck_quiz_layout'), "layout IN ('paged', 'multi', 'single')"
        )
        batch_op.create_check_constraint(op.f('ck_quiz_per_page'), 'per_page BETWEEN 2 AND 50')
        batch_op.create_check_constraint(
            op.f('ck_quiz_instant'), "NOT instant OR feedback = 'immediate'"
        )


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_quiz_instant'), type_='check')
        batch_op.drop_constraint(op.f('ck_quiz_per_page'), type_='check')
        batch_op.drop_constraint(op.f('ck_quiz_layout'), type_='check')
        batch_op.create_check_constraint(op.f('ck_quiz_layout'), "layout IN ('paged', 'single')")
        batch_op.drop_column('instant')
        batch_op.drop_column('per_page')
