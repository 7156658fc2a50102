package dev.voxloop.core.forge;

/**
 * A merge the caller asks for.
 *
 * @param expectedHead  the head commit that was checked and reviewed; the merge happens only at this head
 * @param commitTitle   the squash or merge commit's subject ({@code KEY-1: summary (#n)}), null for the forge's own
 * @param commitMessage the commit body, null for the forge's own
 */
public record MergeRequest(String expectedHead, MergeMethod method, String commitTitle, String commitMessage) {

    public MergeRequest {
        if (expectedHead == null || expectedHead.isBlank()) {
            throw new IllegalArgumentException("a merge needs the expected head commit");
        }
        method = method == null ? MergeMethod.SQUASH : method;
    }
}
