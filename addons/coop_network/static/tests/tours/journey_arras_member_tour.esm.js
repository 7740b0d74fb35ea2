import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {
    addToBasket,
    bookSlotAndPayAtPickup,
    choosePickupPoint,
} from "@coop_marketplace/../tests/tours/checkout_steps.esm";
import {registry} from "@web/core/registry";

// A member of the Arras épicerie (login "arras", on a phone) logs in on
// LeCourtCircuit's website, the network's marketplace, orders from its open
// cycle and collects in Arras, paying at pickup. The test checks the database.
registry.category("web_tour.tours").add("coop_network_journey_arras_member", {
    steps: () => [
        {
            content: "log in on LeCourtCircuit's website",
            trigger: "input[name='login']",
            run: "edit arras",
        },
        {
            content: "password",
            trigger: "input[name='password']",
            run: "edit arras",
        },
        {
            content: "submit",
            trigger: "button[type='submit']",
            run: "click",
        },
        {
            content: "LeCourtCircuit's shop shows its own cycle",
            trigger: ".o_coop_cycle_banner:contains('LeCourtCircuit')",
        },
        ...addToBasket("Carottes (1 kg)"),
        tourUtils.goToCart({quantity: 1}),
        tourUtils.goToCheckout(),
        ...choosePickupPoint("Arras", {selectorText: "Choisir un point d'enlèvement"}),
        tourUtils.confirmOrder(),
        ...bookSlotAndPayAtPickup(),
    ],
});
