"""BaseBranchOperator: custom branching operators subclass it and implement choose_branch."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class BaseBranchOperator(BaseOperator):
    inherits_from_skipmixin = True

    def choose_branch(self, context):
        raise NotImplementedError
