package org.text2ct.train.phantom;

/** A generated volume in HU (layout and orientation as {@link PhantomGrid}) with its ground truth. */
public record Phantom(PhantomGrid grid, float[] hu, PhantomLabels labels) { }
