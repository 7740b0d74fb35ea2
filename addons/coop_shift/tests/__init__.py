from . import test_participation_rules
from . import test_shift_planning
from . import test_portal_shifts
from . import test_till_badge
from . import test_tour_till_badge
from . import test_tour_member_shifts
from . import test_tour_team_leader
