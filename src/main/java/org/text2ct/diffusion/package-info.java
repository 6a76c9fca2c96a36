/**
 * Diffusion schedulers and sampling helpers on plain float arrays (flattened latents): MONAI's DDPM, DDIM and
 * rectified-flow schedulers reproduced to the bit, a machine-independent seeded Gaussian, classifier-free
 * guidance, and progress/cancel hooks. The pipeline converts tensors to and from arrays; this package
 * depends on no engine, network or command-line code.
 */
package org.text2ct.diffusion;
