"""``@task_group``: calling the function builds a TaskGroup around the tasks it creates."""
from __future__ import absolute_import, division, print_function, unicode_literals

import functools

from airflow.utils.task_group import TaskGroup


class _TaskGroupFactory(object):
    def __init__(self, function, tg_kwargs):
        self.function = function
        self.tg_kwargs = dict(tg_kwargs)
        self.tg_kwargs.setdefault("group_id", function.__name__)
        self.__name__ = function.__name__
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def override(self, **kwargs):
        merged = dict(self.tg_kwargs)
        merged.update(kwargs)
        return _TaskGroupFactory(self.function, merged)

    def __call__(self, *args, **kwargs):
        """Returns what the function returned (so ``>>`` binds to it), else the group itself."""
        return self._create_task_group(False, args, kwargs)

    def expand(self, **kwargs):
        """A mapped task group: VORTEX records the group and its tasks with the mapped arguments."""
        return self._create_task_group(True, (), kwargs)

    def partial(self, **kwargs):
        return _PartialTaskGroupFactory(self, kwargs)

    def _create_task_group(self, is_mapped, args, kwargs):
        tg_kwargs = dict(self.tg_kwargs)
        tg_kwargs.setdefault("add_suffix_on_collision", True)
        with TaskGroup(**tg_kwargs) as task_group:
            task_group.is_mapped = is_mapped
            if self.function.__doc__ and not task_group.tooltip:
                task_group.tooltip = self.function.__doc__
            retval = self.function(*args, **kwargs)
        if retval is not None:
            return retval
        return task_group


class _PartialTaskGroupFactory(object):
    def __init__(self, factory, partial_kwargs):
        self.factory = factory
        self.partial_kwargs = partial_kwargs

    def expand(self, **kwargs):
        merged = dict(self.partial_kwargs)
        merged.update(kwargs)
        return self.factory.expand(**merged)


def task_group(python_callable=None, **tg_kwargs):
    """``@task_group`` or ``@task_group(group_id=..., ...)``."""
    if callable(python_callable) and not tg_kwargs:
        return _TaskGroupFactory(function=python_callable, tg_kwargs=tg_kwargs)
    return functools.partial(_TaskGroupFactory, tg_kwargs=tg_kwargs)
