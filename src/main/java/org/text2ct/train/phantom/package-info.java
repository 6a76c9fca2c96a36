/**
 * Synthetic chest CT for training and checking the demo model.
 *
 * <p>{@link org.text2ct.train.phantom.CaseSampler} draws labels (demographics and findings),
 * {@link org.text2ct.train.phantom.PhantomGenerator} paints a HU volume for them,
 * {@link org.text2ct.train.phantom.ReportWriter} writes the matching report with paraphrases, and
 * {@link org.text2ct.train.phantom.PhantomDataset} writes N such cases through a
 * {@link org.text2ct.train.phantom.VolumeSink}. {@link org.text2ct.train.phantom.FindingDetector}
 * reads findings back from any volume with plain image analysis, to check that a generated CT says
 * what its prompt said.
 *
 * <p>Volumes are {@code float[]} in HU, {@code data[x + nx * (y + ny * z)]}, RAS: x towards the
 * patient's left (a left-sided finding has x &gt; nx / 2), y anterior, z superior.
 */
package org.text2ct.train.phantom;
