"""Pool constants; pools themselves are managed by VORTEX."""
from __future__ import absolute_import, division, print_function, unicode_literals


class Pool(object):
    DEFAULT_POOL_NAME = "default_pool"
