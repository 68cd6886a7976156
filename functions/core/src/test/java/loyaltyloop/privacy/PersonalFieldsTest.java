package loyaltyloop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** What an erased order keeps (the shop's accounting) and loses (the person), and the pseudonym that replaces them. */
@UnitTest
class PersonalFieldsTest {

    @Test
    void anErasedOrderKeepsItsAccountingAndLosesThePerson() {
        Order order = Orders.anOrder().orderId("7001").orderName("#1001").email("jane@example.com")
                .customer("Jane <b>Doe</b>", "Jane").customerId("207119551").locale("zh-TW")
                .total(new Money(5_990, "USD")).subtotal(new Money(5_000, "USD"))
                .lineItems(new LineItem("Mug", 2, new Money(2_500, "USD"), "p1")).discountCodes(List.of("WELCOME10"))
                .attributes(Map.of("loyalty_ref", "K7QH2MZP", "gift_note", "For Jane")).landingSite("/?ref=K7QH2MZP")
                .build();
        String pseudonym = PersonalFields.pseudonym(order.shop(), order.email());

        Order erased = PersonalFields.withoutPerson(order, pseudonym);

        assertThat(erased.orderId()).isEqualTo("7001");
        assertThat(erased.orderName()).isEqualTo("#1001");
        assertThat(erased.createdAt()).isEqualTo(order.createdAt());
        assertThat(erased.total()).isEqualTo(order.total());
        assertThat(erased.subtotal()).isEqualTo(order.subtotal());
        assertThat(erased.lineItems()).isEqualTo(order.lineItems());
        assertThat(erased.discountCodes()).containsExactly("WELCOME10");
        assertThat(erased.email()).isEqualTo(pseudonym);
        assertThat(erased.customerName()).isNull();
        assertThat(erased.firstName()).isNull();
        assertThat(erased.customerId()).isNull();
        assertThat(erased.attributes()).isEmpty();
        assertThat(erased.landingSite()).isNull();
        assertThat(PersonalFields.isErased(erased)).isTrue();
        assertThat(PersonalFields.isErased(order)).isFalse();
    }

    @Test
    void thePseudonymIsStablePerShopAndNeverAnAddress() {
        String once = PersonalFields.pseudonym("a.myshopify.com", "jane@example.com");

        assertThat(PersonalFields.pseudonym("a.myshopify.com", "jane@example.com")).isEqualTo(once);
        assertThat(PersonalFields.pseudonym("b.myshopify.com", "jane@example.com")).isNotEqualTo(once);
        assertThat(PersonalFields.pseudonym("a.myshopify.com", "john@example.com")).isNotEqualTo(once);
        assertThat(once).matches("erased:[0-9a-f]{32}").doesNotContain("jane");
        assertThat(CustomerEmails.normalise(once)).isEmpty();
    }
}
