from . import coop_weighing
