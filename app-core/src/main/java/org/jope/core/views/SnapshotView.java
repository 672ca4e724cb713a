package org.jope.core.views;

/**
 * A view whose answer depends on the object's snapshot alone (and the path, which a snapshot's place in the tree
 * fixes): Jope's default views and its JSON view. Its answer is rendered once per object version and kept with the
 * snapshot; a new version is a new snapshot, so a kept answer never outlives the version it shows.
 */
interface SnapshotView extends View {
}
