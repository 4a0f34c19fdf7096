import type { Linter } from "eslint";

/** The layer rules of src/, one config object per folder (see eslint.layers.js). */
export declare const layerRules: Linter.Config[];
