import {registry} from "@web/core/registry";

// The épicerie's tablet (login "caisse", a team leader, in French): from the
// Shifts app, today's shifts; the shift that starts now; Sophie Lemaire is
// checked in ("Présent"), Nicolas Delannoy marked absent. Any access error
// fails the tour; the test checks the database.
registry.category("web_tour.tours").add("coop_shift_team_leader_checks_in", {
    steps: () => [
        {
            content: "open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "open the Shifts app",
            trigger: ".o_app[data-menu-xmlid='coop_shift.coop_shift_menu_root']",
            run: "click",
        },
        {
            content: "today's shifts",
            trigger: "a[data-menu-xmlid='coop_shift.coop_shift_today_menu']:visible",
            run: "click",
        },
        {
            content: "the shift that starts now",
            trigger: ".o_data_row .o_data_cell:contains('Mise en rayon')",
            run: "click",
        },
        {
            content: "Sophie is there: checked in",
            trigger:
                ".o_field_x2many .o_data_row:contains('Sophie Lemaire') button:contains('Présent')",
            run: "click",
        },
        {
            content: "Sophie shows present",
            trigger: ".o_field_x2many .o_data_row:contains('Sophie Lemaire') .badge:contains('Présent')",
        },
        {
            content: "Nicolas is not: absent",
            trigger:
                ".o_field_x2many .o_data_row:contains('Nicolas Delannoy') button:contains('Absent')",
            run: "click",
        },
        {
            content: "Nicolas shows absent",
            trigger: ".o_field_x2many .o_data_row:contains('Nicolas Delannoy') .badge:contains('Absent')",
        },
    ],
});
