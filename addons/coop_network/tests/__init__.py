from . import test_demo_network
from . import test_journey_arras_cashier
from . import test_journey_arras_member
from . import test_journey_network_producer
from . import test_network_portal
from . import test_network_report
