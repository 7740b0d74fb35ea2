import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone) changes her order of the open
// cycle from "Mes commandes": one more kilo of carrots, a kilo of leeks
// added, saved; the page confirms it and shows the new lines. The test
// checks the database (quantities, prices, fund).
registry.category("web_tour.tours").add("coop_marketplace_journey_member_edit", {
    steps: () => [
        {
            content: "her order of the cycle (?coop_order=, from the test)",
            trigger: "body",
            run() {
                const name = new URL(window.location.href).searchParams.get("coop_order");
                const link = [...document.querySelectorAll("a[href*='/my/orders/']")].find(
                    (a) => a.textContent.includes(name)
                );
                if (!link) {
                    throw new Error(`no link to ${name} in her orders`);
                }
                link.click();
            },
        },
        {
            content: "the order can change until the close",
            trigger: "#coop_order_edit h5:contains('Modifier ma commande')",
        },
        {
            content: "one more kilo of carrots",
            trigger: "#coop_order_edit li:contains('Carottes (1 kg)') input.o_coop_edit_qty",
            run: "edit 3",
        },
        {
            content: "add leeks",
            trigger: "#coop_order_edit select.o_coop_add_product",
            run() {
                // The options read "Poireaux (1 kg) · 2,41 €": pick by name.
                const option = [...this.anchor.options].find((o) =>
                    o.textContent.includes("Poireaux (1 kg)")
                );
                if (!option) {
                    throw new Error("no leeks to add");
                }
                this.anchor.value = option.value;
                this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "save",
            trigger: "#coop_order_edit button.o_coop_save_order",
            run: "click",
        },
        {
            content: "the page says it is changed",
            trigger: ".o_coop_slot_message.alert-success:contains('Votre commande est modifiée')",
        },
        {
            content: "the leeks are on the order",
            trigger: "#coop_order_edit li:contains('Poireaux (1 kg)') input.o_coop_edit_qty",
        },
    ],
});
