from . import coop_network_demo
from . import coop_network_producer_report
from . import coop_network_report
