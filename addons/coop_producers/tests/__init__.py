from . import test_collection_round
from . import test_journey_producer
from . import test_pooling
from . import test_producer_access
from . import test_producer_catalogue
from . import test_producer_statement
from . import test_producer_vat
from . import test_tour_producer
