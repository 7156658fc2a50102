package se.trackit;

import static se.trackit.Assert.assertEquals;
import static se.trackit.Assert.assertThrows;

import java.util.List;

public final class InvoiceTest {

    public static void testNetIsRoundedToTheNearestOre() {
        // 7 minutes at 950.00 SEK/h = 110.8333 SEK
        assertEquals(11083, new TimeEntry("a", 7, 95000).netOre());
    }

    public static void testInvoiceSumsEntries() {
        Invoice i = new Invoice(List.of(new TimeEntry("a", 60, 100000), new TimeEntry("b", 30, 100000)));
        assertEquals(150000, i.netOre());
    }

    public static void testNegativeMinutesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TimeEntry("a", -1, 1));
    }
}
