package loyaltyloop.history;

/**
 * What an import did.
 *
 * @param ordersRead every order the source gave
 * @param ordersImported orders stored now
 * @param ordersKnown orders already stored (an earlier import, or their webhook): nothing changed for them
 * @param ordersSkipped orders that are no sale for the loop (test, no email address, unpaid, unreadable), as intake
 *     would ignore them
 * @param refunds refunds stored with their orders
 * @param customers customers whose history changed (a customer whose orders span pages counts once per page)
 * @param overdue of those, customers already past their 90-45 limit, whose follow-up was spread over the days after
 */
public record ImportCounts(long ordersRead, long ordersImported, long ordersKnown, long ordersSkipped, long refunds,
        long customers, long overdue) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts o) {
        return new ImportCounts(ordersRead + o.ordersRead, ordersImported + o.ordersImported,
                ordersKnown + o.ordersKnown, ordersSkipped + o.ordersSkipped, refunds + o.refunds,
                customers + o.customers, overdue + o.overdue);
    }
}
