import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// A 20 € top-up paid cash at the till for the member named in the URL
// (?member=): the first step of a test that then spends it elsewhere.
registry.category("web_tour.tours").add("coop_wallet_top_up", {
    steps: () => {
        const member = new URL(window.location.href).searchParams.get("member");
        return [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickPartnerButton(),
            PartnerList.searchCustomerValue(member),
            PartnerList.clickPartner(member),
            ProductScreen.customerIsSelected(member),
            ProductScreen.clickDisplayedProduct("Recharge porte-monnaie 20 €"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat();
    },
});
