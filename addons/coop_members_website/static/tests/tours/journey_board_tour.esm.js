import {registry} from "@web/core/registry";

// The manager (at 1366×768) records the board's decisions from the members
// app: she approves Karima, whose shares are paid (she is admitted at once),
// and refuses Paul with the reason he reads by e-mail. The test checks the
// register, the invoices and the e-mails.
registry.category("web_tour.tours").add("coop_members_website_journey_board", {
    steps: () => [
        {
            content: "the applications waiting: Karima's, paid, and Paul's",
            trigger: ".o_data_row:contains('Paul Vasseur')",
        },
        {
            content: "open Karima's application",
            trigger: ".o_data_row:contains('Karima Zeroual') .o_data_cell:first",
            run: "click",
        },
        {
            content: "the board approves",
            trigger: "button[name='action_approve']:contains('Approuver')",
            run: "click",
        },
        {
            content: "paid and approved: she is admitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Admise')",
        },
        {
            content: "back to the applications",
            trigger: ".o_breadcrumb a:contains('Demandes')",
            run: "click",
        },
        {
            content: "open Paul's application",
            trigger: ".o_data_row:contains('Paul Vasseur') .o_data_cell:first",
            run: "click",
        },
        {
            content: "the board refuses",
            trigger: "button[name='action_refuse_wizard']:contains('Refuser')",
            run: "click",
        },
        {
            content: "the dialog says he reads the reason",
            trigger: ".modal:contains('reçoit ce motif par e-mail') div[name='reason'] textarea",
            run: "edit Nous n'accueillons que les habitants de la métropole lilloise.",
        },
        {
            content: "refuse",
            trigger: ".modal button[name='action_refuse']",
            run: "click",
        },
        {
            content: "refused",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Refusée')",
        },
    ],
});
