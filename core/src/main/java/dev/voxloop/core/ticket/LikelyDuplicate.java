package dev.voxloop.core.ticket;

/**
 * An open ticket that a new request seems to repeat, named in the read-back so the person can file anyway, open
 * the existing ticket, or drop the request.
 *
 * @param key        the open ticket's key
 * @param summary    its summary
 * @param similarity how alike the two are, 0..1 (the finder's measure; at or above its threshold)
 */
public record LikelyDuplicate(String key, String summary, double similarity) {

    public LikelyDuplicate {
        summary = summary == null ? "" : summary;
        similarity = Math.max(0, Math.min(1, similarity));
    }
}
