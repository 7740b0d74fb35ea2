import {registry} from "@web/core/registry";

// A visitor (on a phone) joins the demo épicerie and asks for the solidarity
// price: she reads that only the solidarity officers see that part, gives her
// household and its quotient familial band, and pays her shares at the
// épicerie. The test checks that the evidence waits for an officer.
registry.category("web_tour.tours").add("coop_members_website_solidarity_journey_join_tier", {
    steps: () => [
        {
            content: "name",
            trigger: "#coop_join_name",
            run: "edit Samia Benali",
        },
        {
            content: "e-mail",
            trigger: "#coop_join_email",
            run: "edit samia.benali@example.fr",
        },
        {
            content: "address",
            trigger: "#coop_join_street",
            run: "edit 3 rue du Long Pot",
        },
        {
            content: "postcode",
            trigger: "#coop_join_zip",
            run: "edit 59800",
        },
        {
            content: "town",
            trigger: "#coop_join_city",
            run: "edit Lille",
        },
        {
            content: "she pays at the épicerie",
            trigger: "#coop_join_pay_at_shop",
            run: "click",
        },
        {
            content: "the solidarity price part says who reads it",
            trigger: "#coop_join_tier:contains('Confidentiel')",
        },
        {
            content: "her quotient familial band",
            trigger: "#coop_join_tier_band",
            run: "select qf_0_450",
        },
        {
            content: "four people at home",
            trigger: "#coop_join_tier_household",
            run: "edit 4",
        },
        {
            content: "accept the statutes and the internal rules",
            trigger: "#coop_join_accept",
            run: "click",
        },
        {
            content: "send",
            trigger: "#coop_join_submit",
            run: "click",
        },
        {
            content: "her application, to pay at the épicerie",
            trigger: ".o_coop_application:contains('Payez vos parts à l')",
        },
    ],
});
