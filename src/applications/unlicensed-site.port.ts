import type { EntityManager } from 'typeorm';

/**
 * The seam to the register of sites operating without a license (issue 15): when a NEW dossier is submitted, the
 * register flags the open cases naming one of its domains (and tells the appraisers); the application keeps their
 * ids. Provided globally by the unlicensed-sites module (token UNLICENSED_SITE_WATCH); optional here.
 */
export interface UnlicensedSiteWatch {
  onNewApplicationSubmitted(
    em: EntityManager,
    app: { id: string; authorityId: string; domains: string[]; siteName: string },
  ): Promise<string[]>;
}
export const UNLICENSED_SITE_WATCH = Symbol('UNLICENSED_SITE_WATCH');
