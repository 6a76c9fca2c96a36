// Score a folder of generated volumes against a folder of reference volumes (.nii/.nii.gz/.mha)
// with Plugins > Text2CT > Evaluate FID and CLIP, then read the metrics from the Results table.
generated = getDirectory("Folder of generated volumes");
reference = getDirectory("Folder of reference volumes");
prompts = File.openDialog("Prompts file (one line per generated volume), or Cancel to skip CLIP");
// CLIP score needs BiomedCLIP: the folder downloaded from Hugging Face
// (microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224).
clip = "";
if (prompts != "") clip = getDirectory("BiomedCLIP folder");
run("Evaluate FID and CLIP", "generated_dir=[" + generated + "] reference_dir=[" + reference + "]"
    + " prompts_file=[" + prompts + "] clip_dir=[" + clip + "] extractor=vae-latent views=axial,sagittal,coronal");
row = nResults - 1;
print("FID axial " + getResult("FID_axial", row) + ", sagittal " + getResult("FID_sagittal", row)
    + ", coronal " + getResult("FID_coronal", row) + ", mean " + getResult("FID_mean", row));
print("CLIP mean " + getResult("CLIP_mean", row) + " (NaN when no prompts were given)");
