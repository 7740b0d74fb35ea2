from . import test_network_report
