import {registry} from "@web/core/registry";

// The demo producer (login "producteur", Ferme des Marais) lands on their
// space, reads their purchase order and its receipts, their vendor bill,
// their collection round, and sets the stock of their carrots. Any access
// error on the way fails the tour. The test checks the database.
// The space's menus (some sit in the navbar's "Plus" dropdown).
function openMenu(xmlid) {
    return [
        {
            content: `open the menu holding ${xmlid}`,
            trigger: ".o_main_navbar",
            run() {
                const link = document.querySelector(
                    `.o_main_navbar a[data-menu-xmlid='${xmlid}']`
                );
                if (!link || !link.offsetParent) {
                    document.querySelector(".o_main_navbar .o_menu_sections_more button")?.click();
                }
            },
        },
        {
            content: `open ${xmlid}`,
            trigger: `a[data-menu-xmlid='${xmlid}']:visible`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("coop_producers_journey_producer", {
    steps: () => [
        {
            content: "the producer lands on their products, not on Discuss",
            trigger: ".o_list_view .o_data_row:contains('Carottes (1 kg)')",
        },
        {
            content: "only their own products",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Pommes Jonagold')))",
        },
        ...openMenu("coop_producers.coop_producer_space_orders_menu"),
        {
            content: "open their purchase order",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        {
            content: "the order shows its products",
            trigger: ".o_form_view .o_field_widget[name='order_line'] .o_data_row:contains('Carottes')",
        },
        {
            content: "and its receipts",
            trigger: ".o_notebook .nav-link:contains('Réceptions')",
            run: "click",
        },
        {
            content: "the receipt is listed",
            trigger: ".o_field_widget[name='picking_ids'] .o_data_row",
        },
        ...openMenu("coop_producers.coop_producer_space_bills_menu"),
        {
            content: "open their vendor bill",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        {
            content: "the bill shows its lines",
            trigger: ".o_form_view .o_field_widget[name='invoice_line_ids'] .o_data_row",
        },
        ...openMenu("coop_producers.coop_producer_space_rounds_menu"),
        {
            content: "open the round that stops at the farm",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        {
            content: "their stop is there",
            trigger: ".o_form_view .o_field_widget[name='visible_stop_ids'] .o_data_row",
        },
        ...openMenu("coop_producers.coop_producer_space_stock_menu"),
        {
            content: "choose the carrots",
            trigger: ".modal div[name='product_id'] input",
            run: "edit Carottes",
        },
        {
            content: "pick them in the list",
            trigger: ".o-autocomplete--dropdown-item:contains('Carottes (1 kg)')",
            run: "click",
        },
        {
            content: "type the quantity in stock",
            trigger: ".modal div[name='quantity'] input",
            run: "edit 42",
        },
        {
            content: "confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "the dialog closes",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
