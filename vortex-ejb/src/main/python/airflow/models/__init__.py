"""``airflow.models``: the public model classes DAG files import."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator, BaseOperatorMeta, chain, cross_downstream  # noqa: F401
from airflow.models.connection import Connection  # noqa: F401
from airflow.models.dag import DAG  # noqa: F401
from airflow.models.dagrun import DagRun  # noqa: F401
from airflow.models.mappedoperator import MappedOperator  # noqa: F401
from airflow.models.param import Param  # noqa: F401
from airflow.models.pool import Pool  # noqa: F401
from airflow.models.skipmixin import SkipMixin  # noqa: F401
from airflow.models.taskinstance import TaskInstance  # noqa: F401
from airflow.models.variable import Variable  # noqa: F401
from airflow.models.xcom import XCOM_RETURN_KEY, XCom  # noqa: F401
from airflow.models.xcom_arg import XComArg  # noqa: F401
