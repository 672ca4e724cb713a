package org.jope.core.views;

/**
 * What is kept with one snapshot: the answer of its default view, and of its JSON view. Made on the first render of
 * either, and reached through the snapshot, so a hot read finds it without a lookup of its own.
 */
final class KeptAnswers {

    volatile KeptAnswer defaultView;

    volatile KeptAnswer json;

}
