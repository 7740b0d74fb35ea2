import {registry} from "@web/core/registry";

// The demo manager (login "gerante", in French) subscribes two shares for a
// member and records her payment, finds the movement in the register, then
// reads the solidarity fund's balance and the open cycle's quantities. Any
// access error on the way fails the tour. The test checks the database.
function openApp(xmlid) {
    return [
        {
            content: "open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: `open the app ${xmlid}`,
            trigger: `.o_app[data-menu-xmlid='${xmlid}']`,
            run: "click",
        },
    ];
}

// A menu of the app's navbar, or one in a section's dropdown.
function openMenu(xmlid, section = null) {
    const steps = [];
    if (section) {
        steps.push({
            content: `open the section ${section}`,
            trigger: `.o_main_navbar button[data-menu-xmlid='${section}']`,
            run: "click",
        });
    }
    steps.push({
        content: `open ${xmlid}`,
        trigger: `a[data-menu-xmlid='${xmlid}']:visible`,
        run: "click",
    });
    return steps;
}

registry.category("web_tour.tours").add("coop_journey_manager", {
    steps: () => [
        ...openApp("coop_members.coop_members_menu_root"),
        {
            content: "search the member",
            trigger: ".o_searchview_input",
            run: "edit Camille Delattre",
        },
        {
            content: "validate the search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "open her record",
            trigger: ".o_data_row .o_data_cell:contains('Camille Delattre')",
            run: "click",
        },
        {
            content: "her membership tab",
            trigger: ".o_notebook .nav-link:contains('Sociétariat')",
            run: "click",
        },
        {
            content: "subscribe shares",
            trigger: ".o_form_view button:contains('Souscrire des parts')",
            run: "click",
        },
        {
            content: "two shares",
            trigger: ".modal .o_field_widget[name='quantity'] input",
            run: "edit 2 && press Tab",
        },
        {
            content: "the amount follows",
            trigger: ".modal .o_field_widget[name='amount']:contains('20,00')",
        },
        {
            content: "invoice the shares",
            trigger: ".modal button[name='action_subscribe']",
            run: "click",
        },
        {
            content: "the posted invoice: record her payment",
            trigger: ".o_form_view button[name='action_register_payment']",
            run: "click",
        },
        {
            content: "create the payment",
            trigger: ".modal button[name='action_create_payments']",
            run: "click",
        },
        {
            content: "the invoice is paid",
            trigger: ".o_form_view .ribbon:contains('En paiement'), .o_form_view .ribbon:contains('Payé')",
        },
        ...openMenu("coop_members.coop_share_movement_menu"),
        {
            content: "her subscription is in the register, confirmed",
            trigger: ".o_list_view .o_data_row:first:contains('Camille Delattre'):contains('Confirmé')",
        },
        ...openMenu("coop_members.coop_share_register_wizard_menu"),
        {
            content: "the register can be printed",
            trigger: "button[name='action_print']",
        },
        {
            content: "close",
            trigger: ".modal .btn-close",
            run: "click",
        },
        ...openMenu(
            "coop_solidarity_price.coop_solidarity_entry_menu",
            "coop_solidarity_price.coop_solidarity_menu"
        ),
        {
            content: "the fund's balance over time",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "the entries",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "with the balance at the bottom",
            trigger: ".o_list_view tfoot .o_list_number:contains('€')",
        },
        ...openApp("coop_marketplace.coop_marketplace_menu_root"),
        ...openMenu("coop_marketplace.coop_order_cycle_menu"),
        {
            content: "open the open cycle",
            trigger: ".o_data_row:contains('Ouvert') .o_data_cell",
            run: "click",
        },
        {
            content: "its products with offered, ordered and remaining quantities",
            trigger: ".o_field_widget[name='line_ids'] th:contains('Restant')",
        },
        {
            content: "a line",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row",
        },
        ...openMenu("coop_marketplace.coop_order_refund_menu"),
        {
            content: "last cycle's shortage, paid by transfer, is to refund by hand",
            trigger: ".o_list_view .o_data_row:contains('À rembourser manuellement') .o_data_cell",
            run: "click",
        },
        {
            content: "the manager refunded the member by transfer",
            trigger: ".o_form_view button[name='action_mark_refunded']",
            run: "click",
        },
        {
            content: "and says so",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "the refund is done",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Remboursé manuellement')",
        },
    ],
});
