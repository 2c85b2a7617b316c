/** The portal page's entry: defines the shell. Features are loaded by the shell when first needed. */
import './shell/pakn-portal.ts';
