package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {
    @Test
    void addsItems() {
        Cart c = new Cart();
        c.add(2);
        assertEquals(2, c.items());
    }
}
