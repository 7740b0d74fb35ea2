from . import coop_weighing
from . import coop_weighing_line
