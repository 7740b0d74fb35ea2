import {registry} from "@web/core/registry";

// A producer opens their space, edits a product's price and its stock, and
// never sees another producer's product.
registry.category("web_tour.tours").add("coop_producers_producer_space", {
    steps: () => [
        {
            content: "only the producer's own products are listed",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Bière B')))",
        },
        {
            content: "open the carrots",
            trigger: ".o_data_row .o_data_cell:contains('Carottes A')",
            run: "click",
        },
        {
            content: "change the producer price",
            trigger: "div[name='coop_producer_price'] input",
            run: "edit 2.00",
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "the consumer price follows the commission",
            trigger: ".o_form_saved div[name='list_price']:contains('2.30')",
        },
        {
            content: "update the stock",
            trigger: "button:contains('Update stock')",
            run: "click",
        },
        {
            content: "new quantity",
            trigger: ".modal div[name='quantity'] input",
            run: "edit 25",
        },
        {
            content: "confirm",
            trigger: ".modal-footer button:contains('Update')",
            run: "click",
        },
        {
            content: "the stock is updated",
            trigger: "body:not(:has(.modal)) div[name='coop_stock_quantity']:contains('25')",
        },
    ],
});
