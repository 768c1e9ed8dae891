/* Generated from the OpenAPI document by `npm run web:api` (web/scripts/api-types.mjs). Do not edit:
 * test/web/api-types.e2e-spec.ts fails when this file no longer matches the document the application serves. */

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public home page: redirects to the registry search */
        get: operations["PublicPagesController_home"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_list"];
        put?: never;
        post: operations["ApplicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ApplicationsController_update"];
        trace?: never;
    };
    "/api/v1/applications/{id}/appraisals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_appraisals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ApplicationsController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/confirmation.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChangeNoticesController_confirmation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_documents"];
        put?: never;
        post: operations["ApplicationsController_uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/documents/{docId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApplicationsController_allowed"];
        put?: never;
        post: operations["ApplicationsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/violation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ChangeNoticesController_openViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current cookie session */
        get: operations["AuthController_current"];
        put?: never;
        /** Sign in with a cookie session (browsers) */
        post: operations["AuthController_openSession"];
        /** Sign out (end the cookie session) */
        delete: operations["AuthController_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthoritiesController_list"];
        put?: never;
        post: operations["AuthoritiesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthoritiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}/license-numbering": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicenseSettingsController_numbering"];
        put: operations["LicenseSettingsController_setNumbering"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}/license-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicenseSettingsController_settings"];
        put: operations["LicenseSettingsController_setSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}/report-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportSettingsController_settings"];
        put: operations["ReportSettingsController_save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}/signing-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority’s signing certificate: the file named and the certificate in use */
        get: operations["SigningController_settings"];
        /** Set the authority’s signing certificate (PKCS#12 file and passphrase variable) */
        put: operations["SigningController_setSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active staff of an authority (own authority; admin: any) */
        get: operations["AuthoritiesController_staff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CalendarController_get"];
        put: operations["CalendarController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnforcementProposalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enforcement-proposals/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnforcementProposalsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_list"];
        put?: never;
        post: operations["InspectionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_documents"];
        put?: never;
        post: operations["InspectionsController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/documents/{docId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/record.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_record"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InspectionsController_allowed"];
        put?: never;
        post: operations["InspectionsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_allowed"];
        put?: never;
        post: operations["LicensesController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public registry of licensed sites */
        get: operations["RegistryController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/licenses/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a license from its number and the code printed under its QR code */
        get: operations["RegistryController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_list"];
        put?: never;
        post: operations["ReportsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_allowed"];
        put?: never;
        post: operations["ReportsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReportsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RequirementsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scheduler/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SchedulerController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_lifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/state-machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StateMachinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/state-machines/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StateMachinesController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatisticsController_compute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_allowed"];
        put?: never;
        post: operations["UsersController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violation-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViolationTypesController_list"];
        put?: never;
        post: operations["ViolationTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViolationsController_list"];
        put?: never;
        post: operations["ViolationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViolationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViolationsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/violations/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViolationsController_allowed"];
        put?: never;
        post: operations["ViolationsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public registry search page (HTML) */
        get: operations["PublicPagesController_registryPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/{licenseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A license's public page in the registry (HTML) */
        get: operations["PublicPagesController_licensePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a license from the code in its QR code: a page, or JSON on request */
        get: operations["PublicPagesController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountTransitionDto: {
            /** @description The event to fire */
            event: string;
            reason?: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        AllowedTransitionsDto: {
            allowed: string[];
            state: string;
            version: number;
        };
        ApplicationTransitionDto: {
            /** @description RECOMMEND: one entry per requirement of the type */
            checklist?: components["schemas"]["ChecklistEntryDto"][];
            /** @description The event to fire */
            event: string;
            /** @description REQUEST_SUPPLEMENT: the missing or faulty items */
            items?: string[];
            /** @description SEND_BACK: the approver’s note; RECOMMEND: optional */
            note?: string;
            reason?: string;
            /**
             * @description RECOMMEND
             * @enum {string}
             */
            recommendation?: "APPROVE" | "REJECT";
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        AssigneeDto: {
            /**
             * Format: uuid
             * @description An active appraiser of the same authority
             */
            assigneeId: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        CalendarYearView: {
            nonWorkingDays: components["schemas"]["NonWorkingDayDto"][];
            /**
             * @description 'table': the admin's table; 'statutory': no table for this year, the default from the Labor Code
             * @enum {string}
             */
            source: "table" | "statutory";
            /** Format: date-time */
            updatedAt?: string | null;
            /** Format: uuid */
            updatedBy?: string | null;
            workingWeekends: string[];
            /** @example 2026 */
            year: number;
        };
        ChangeNoticeDto: {
            /**
             * @description The day the change took effect; not in the future
             * @example 2026-02-02
             */
            changedOn: string;
            /** @example 25 Lê Hồng Phong, phường Hưng Bình, thành phố Vinh, Nghệ An */
            newHeadOfficeAddress?: string;
            /**
             * @description The new owner (controlling member) of the organization
             * @example Tổng công ty Truyền thông Miền Trung
             */
            newOwner?: string;
        };
        ChecklistEntryDto: {
            /** @example APPLICATION_FORM */
            kind: string;
            note?: string;
            satisfied: boolean;
        };
        ContentManagerDto: {
            /** @example an@songlam.vn */
            email?: string;
            /** @example Nguyễn Văn An */
            fullName?: string;
            /** @example 0912345678 */
            phone?: string;
            /** @example Tổng biên tập */
            position?: string;
        };
        CreateApplicationDto: {
            /** Format: uuid */
            authorityId: string;
            /** @description Required for CHANGE_NOTICE, refused for other types */
            changeNotice?: components["schemas"]["ChangeNoticeDto"];
            /**
             * Format: uuid
             * @description Required for AMENDMENT, EXTENSION, REISSUE, CHANGE_NOTICE
             */
            licenseId?: string;
            /** @description Why the amendment, extension or reissue is requested */
            reason?: string;
            /**
             * @description NEW: at most 10 years ahead; EXTENSION: at most 2 years past the current expiry; default the longest
             * @example 2036-03-05
             */
            requestedExpiresOn?: string;
            site?: components["schemas"]["SiteDto"];
            /** @enum {string} */
            type: "NEW" | "AMENDMENT" | "EXTENSION" | "REISSUE" | "CHANGE_NOTICE";
        };
        CreateAuthorityDto: {
            /**
             * @description Upper-case letters, digits, _ and -
             * @example STTTT-NA
             */
            code: string;
            /**
             * @description Appended to the sequence: 44/GP-STTTT
             * @example GP-STTTT
             */
            licenseNumberSuffix: string;
            /** @example Sở Thông tin và Truyền thông */
            name: string;
            /** @example UBND TỈNH NGHỆ AN */
            parentBody?: string;
            /** @example Nghệ An */
            province: string;
            /** @example Nguyễn Văn Hùng */
            signerName?: string;
            /** @example GIÁM ĐỐC */
            signerTitle?: string;
            /** @example Asia/Ho_Chi_Minh */
            timeZone?: string;
        };
        CreateInspectionDto: {
            /** @enum {string} */
            kind: "PERIODIC" | "AD_HOC";
            licenseId: string;
            /** @description Where the inspection takes place; default the licensee's head office */
            place?: string;
            /** @example 2026-12-15 */
            scheduledOn: string;
            /** @description What is checked (sources, citation, ads, domain and servers, homepage disclosure…) */
            scope: string;
            /** @description Default: the inspector, as head of the team */
            team?: components["schemas"]["TeamMemberDto"][];
        };
        CreateUserDto: {
            /** @description Required for appraiser, approver and inspector; refused for the others */
            authorityId?: string;
            email: string;
            fullName: string;
            /** @description Required for a site_owner account: the organization it belongs to */
            organizationId?: string;
            password: string;
            /** @enum {string} */
            role: "site_owner" | "appraiser" | "approver" | "inspector" | "admin";
        };
        CreateViolationDto: {
            description: string;
            /**
             * @description The entry in force on this day applies
             * @example 2026-12-15
             */
            detectedOn: string;
            /** @description The inspection that found it, if any (same license, not cancelled) */
            inspectionId?: string;
            licenseId: string;
            /**
             * @description A code of GET /violation-types
             * @example HOMEPAGE_DISCLOSURE
             */
            typeCode: string;
        };
        CreateViolationTypeDto: {
            additionalMeasures?: string[];
            /** @example HOMEPAGE_DISCLOSURE */
            code: string;
            /** @example 2027-01-01 */
            effectiveFrom: string;
            /**
             * @description A grave type may be escalated straight from OPEN
             * @default false
             */
            grave: boolean;
            /** @example Nghị định 174/2026/NĐ-CP, Điều 93 */
            legalBasis: string;
            /** @description Maximum fine for an organization, VND (≥ minFine) */
            maxFine: number;
            /** @description Minimum fine for an organization, VND */
            minFine: number;
            remedialMeasures?: string[];
            /** @description Vietnamese title (with diacritics) */
            title: string;
            /** @description English title */
            titleEn: string;
            /**
             * @description The legal staff confirmed the range
             * @default true
             */
            verified: boolean;
        };
        DocumentView: {
            /**
             * @description Judged by the content
             * @enum {string}
             */
            contentType: "application/pdf" | "image/png" | "image/jpeg";
            /** Format: date-time */
            createdAt: string;
            /**
             * @description Sanitized display name
             * @example Đơn đề nghị cấp phép.pdf
             */
            fileName: string;
            /** Format: uuid */
            id: string;
            /** @example APPLICATION_FORM */
            kind: string;
            /** @description SHA-256 of the content, lowercase hex */
            sha256: string;
            /** @description Bytes */
            size: number;
            /** @description A newer document of the same kind replaced this one */
            superseded: boolean;
            /** Format: uuid */
            supersededBy?: string;
            /** Format: uuid */
            uploadedBy?: string;
        };
        InspectionTransitionDto: {
            /** @description COMPLETE: the conclusion of the record */
            conclusion?: string;
            /** @description The event to fire */
            event: string;
            /** @description COMPLETE: what the team found, one item per finding */
            findings?: string[];
            reason?: string;
            /** @description COMPLETE: remedies requested, with deadlines */
            remedies?: components["schemas"]["RemedyDto"][];
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        LicenseNumberingDto: {
            /**
             * @description Placeholders: {seq} (once), {suffix}, {year}
             * @example {seq}/{suffix}
             */
            format: string;
            /** @description The next sequence number; it can only move forward (never reused) */
            nextSeq: number;
            /** @description Zero-pad {seq} to this many digits (0: no padding) */
            pad: number;
        };
        LicenseSettingsDto: {
            /** @description Longest suspension, in months (default 3) */
            suspensionMaxMonths: number;
        };
        LicenseSignatureDto: {
            /** @description Signed with a development certificate: not valid for use */
            development: boolean;
            /**
             * @description Signature format
             * @example PAdES-B-B (ETSI.CAdES.detached, SHA-256)
             */
            format: string;
            /** @description The served PDF is byte for byte the one recorded at issuance */
            matchesRecordedDigest: boolean;
            /** @description SHA-256 of that PDF as served, lower-case hex */
            sha256: string;
            /**
             * Format: date-time
             * @description Claimed signing time (/M)
             */
            signedAt: string | null;
            signer: components["schemas"]["SignerIdentityDto"] | null;
            /**
             * @description VALID: the document is unchanged since it was signed with the certificate recorded at issuance; INVALID: changed after signing; UNSIGNED: issued before documents were signed; SIGNER_MISMATCH: signed with another certificate than the one the authority signed it with
             * @enum {string}
             */
            status: "VALID" | "INVALID" | "UNSIGNED" | "SIGNER_MISMATCH";
            /** @description status is VALID */
            valid: boolean;
            /** @description The license version whose PDF was checked (the latest) */
            version: number;
        };
        LicenseTransitionDto: {
            /** @description The decision’s number (required for SUSPEND), e.g. 12/QĐ-STTTT */
            decisionNumber?: string;
            /** @description The event to fire */
            event: string;
            reason?: string;
            /**
             * @description SUSPEND: the last day of the suspension, YYYY-MM-DD
             * @example 2026-06-30
             */
            until?: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        LoginDto: {
            email: string;
            password: string;
        };
        LoginResponseDto: {
            accessToken: string;
            /** @description Seconds until the token expires */
            expiresIn: number;
            user: components["schemas"]["LoginUserDto"];
        };
        LoginUserDto: {
            authorityId?: string;
            email: string;
            id: string;
            organizationId?: string;
            role: string;
        };
        NonWorkingDayDto: {
            /**
             * @description YYYY-MM-DD, inside the year of the table
             * @example 2026-02-16
             */
            date: string;
            /**
             * @description Why the day is off (Vietnamese)
             * @example Tết Nguyên đán
             */
            name: string;
        };
        OrganizationInputDto: {
            /** @example 12 Lê Lợi, phường Hưng Bình, Vinh, Nghệ An */
            address: string;
            /** @example contact@example.vn */
            email: string;
            /** @example Nguyễn Văn An */
            legalRepresentative: string;
            /** @example Công ty Cổ phần Truyền thông Nghệ An */
            name: string;
            /** @example +84 238 3844 555 */
            phone: string;
            /**
             * @description Enterprise code or establishment decision number
             * @example 2901234567
             */
            registrationNumber: string;
        };
        ProposalTransitionDto: {
            /** @description The event to fire */
            event: string;
            reason?: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        PublicAuthorityDto: {
            /** @example STTTT-NA */
            code: string;
            /** @example Sở Thông tin và Truyền thông */
            name: string;
            /** @example Nghệ An */
            province: string;
        };
        PublicLicenseDto: {
            authority: components["schemas"]["PublicAuthorityDto"];
            domains: string[];
            /** @description Edition of the current license document ("phiên bản số" on the PDF) */
            edition: number;
            /** Format: date */
            expiresOn: string;
            /** @description The organization's head office (public on its enterprise registration) */
            headOffice: string;
            /**
             * Format: uuid
             * @description The license; its public page is /registry/{id}
             */
            id: string;
            /** Format: date */
            issuedOn: string;
            /** @example 44/GP-STTTT */
            number: string;
            organizationName: string;
            siteName: string;
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "REVOKED" | "EXPIRED" | "TERMINATED";
            /**
             * Format: date
             * @description The last day of the suspension, while SUSPENDED
             */
            suspendedUntil?: string;
        };
        RegisterDto: {
            /** @example owner@example.vn */
            email: string;
            /** @example Trần Thị Bình */
            fullName: string;
            organization: components["schemas"]["OrganizationInputDto"];
            /** @description At least 10 characters, not a common or trivial password */
            password: string;
        };
        RegistryPageDto: {
            items: components["schemas"]["PublicLicenseDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        RemedyDto: {
            description: string;
            /** @example 2026-12-31 */
            dueOn?: string;
        };
        ReplaceCalendarYearDto: {
            /** @description Holidays, substitute days and swapped days off */
            nonWorkingDays: components["schemas"]["NonWorkingDayDto"][];
            /**
             * @description Saturdays/Sundays worked by a swap notice
             * @example [
             *       "2026-01-10"
             *     ]
             */
            workingWeekends: string[];
            /** @description If given, must equal the year in the path */
            year?: number;
        };
        ReportContentDto: {
            /** @description Articles aggregated and published in the period */
            articlesPublished: number;
            incidents: components["schemas"]["ReportIncidentDto"][];
            notes?: string;
            /** @description Official sources used */
            sourcesUsed: string[];
            staff: components["schemas"]["ReportStaffDto"];
            /** @description Changes not yet covered by an amendment of the license */
            unamendedChanges: string[];
        };
        ReportIncidentDto: {
            actionTaken: string;
            /** @example 2026-05-04 */
            date: string;
            description: string;
        };
        ReportSettingsDto: {
            /**
             * @description MM-DD of the next year; days 01–28 (valid in every month)
             * @example 01-15
             */
            annualDueMonthDay: string;
            /** @default 30 */
            reminderDays: number;
        };
        ReportStaffDto: {
            /** @description Content staff */
            content: number;
            /** @description Technical staff */
            technical: number;
        };
        ReportTransitionDto: {
            /** @description The event to fire */
            event: string;
            reason?: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        RequestReportDto: {
            /** @example 2026-12-31 */
            dueOn: string;
            licenseId: string;
            /** @description What the authority asks to be reported */
            note: string;
        };
        RequirementView: {
            /** @example APPLICATION_FORM */
            kind: string;
            legalBasis: string;
            required: boolean;
            /** @description Vietnamese title */
            title: string;
            /** @description English title */
            titleEn: string;
        };
        SessionDto: {
            /** @description Send it back in the X-CSRF-Token header on every POST, PUT, PATCH and DELETE authenticated by the cookie */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session ends (sign in again after)
             */
            expiresAt: string;
            user: components["schemas"]["LoginUserDto"];
        };
        SignerIdentityDto: {
            /** @example Sở Văn hóa, Thể thao và Du lịch Nghệ An */
            commonName: string;
            /** @description A development certificate: documents it signs are not valid for use */
            development: boolean;
            /** @description SHA-256 of the certificate (DER), lower-case hex */
            fingerprintSha256: string;
            issuer: string;
            /** Format: date-time */
            notAfter: string;
            /** Format: date-time */
            notBefore: string;
            organization: string | null;
            /** @example 01A3F2… */
            serialNumber: string;
            /**
             * @example CN=Sở Văn hóa, Thể thao và Du lịch Nghệ An
             *     O=UBND tỉnh Nghệ An
             *     C=VN
             */
            subject: string;
        };
        SigningSettingsDto: {
            /**
             * @description Absolute path, on the servers, of the PKCS#12 file holding the authority’s certificate and RSA key; null → the development certificate (documents marked not valid for use)
             * @example /etc/gis-licensing/stttt-na.p12
             */
            certificateFile: Record<string, never> | null;
            /**
             * @description Name of the environment variable (SIGNING_…) that holds the file’s passphrase on every server; the passphrase itself is never sent, stored or logged
             * @example SIGNING_STTTT_NA_PASSPHRASE
             */
            passphraseEnv?: Record<string, never> | null;
        };
        SigningSettingsView: {
            certificateFile: string | null;
            passphraseEnv: string | null;
            /** @description The certificate documents are signed with now */
            signer: components["schemas"]["SignerIdentityDto"];
        };
        SiteDto: {
            contentManager?: components["schemas"]["ContentManagerDto"];
            /** @example Tổng hợp tin tức kinh tế, văn hóa, xã hội của tỉnh Nghệ An */
            contentScope?: string;
            /**
             * @description At least one, and at least one .vn domain; internationalized names allowed
             * @example [
             *       "songlam.vn",
             *       "songlam.com"
             *     ]
             */
            domains?: string[];
            /**
             * @description Official sources
             * @example [
             *       "Báo Nghệ An (baonghean.vn)"
             *     ]
             */
            informationSources?: string[];
            /** @example Tin tức Sông Lam */
            name?: string;
            /** @description Sections (chuyên mục) */
            sections?: string[];
            /** @example Trung tâm dữ liệu Viettel IDC, Hà Nội */
            serverLocation?: string;
        };
        StaffMemberDto: {
            /** @example thu.nt@stttt.nghean.gov.vn */
            email: string;
            /** @example Nguyễn Thị Thu */
            fullName: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "appraiser" | "approver" | "inspector";
        };
        SubmitReportDto: {
            content: components["schemas"]["ReportContentDto"];
            licenseId: string;
            /**
             * @description A year ('2026') for the annual report, or an ad hoc request's period
             * @example 2026
             */
            period: string;
            /** @description The version last seen (for a resubmission after RETURN) */
            version?: number;
        };
        TeamMemberDto: {
            /** @example Nguyễn Thị Hoa */
            fullName: string;
            /** @example Thanh tra viên */
            position: string;
            /** @example Trưởng đoàn */
            role?: string;
        };
        UpdateApplicationDto: {
            /** @description CHANGE_NOTICE only: replaces the notified change */
            changeNotice?: components["schemas"]["ChangeNoticeDto"];
            reason?: Record<string, never> | null;
            /** @example 2036-03-05 */
            requestedExpiresOn?: Record<string, never> | null;
            /** @description Replaces the particulars */
            site?: components["schemas"]["SiteDto"];
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
        VerificationDto: {
            authority?: components["schemas"]["PublicAuthorityDto"];
            domains?: string[];
            edition?: number;
            /** Format: date */
            expiresOn?: string;
            headOffice?: string;
            /** Format: uuid */
            id?: string;
            /** Format: date */
            issuedOn?: string;
            number?: string;
            organizationName?: string;
            /** @description The signature of the latest version's PDF, checked as anyone downloading it would */
            signature?: components["schemas"]["LicenseSignatureDto"] | null;
            siteName?: string;
            /** @enum {string} */
            status?: "ACTIVE" | "SUSPENDED" | "REVOKED" | "EXPIRED" | "TERMINATED";
            /** Format: date */
            suspendedUntil?: string;
            /** @description True only for a matching code of an ACTIVE license */
            valid: boolean;
        };
        ViolationTransitionDto: {
            /**
             * @description SANCTION: the sanction decision number
             * @example 15/QĐ-XPHC
             */
            decisionNumber?: string;
            /** @description The event to fire */
            event: string;
            /** @description SANCTION: the fine, whole VND, within the entry range for an organization */
            fineAmount?: number;
            reason?: string;
            /**
             * @description SANCTION: the deadline to remedy
             * @example 2027-01-15
             */
            remedyDueOn?: string;
            /** @description The version the caller last saw; 409 VERSION_CONFLICT if it moved on */
            version?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    PublicPagesController_home: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: /registry */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_list: {
        parameters: {
            query?: {
                /** @description `me`: only dossiers assigned to the caller; `none`: only dossiers nobody has taken yet */
                assignee?: "me" | "none";
                /** @description Only dossiers whose statutory clock has run out */
                overdue?: boolean;
                page?: number;
                pageSize?: number;
                /** @description `newest`: last created first; `deadline`: the statutory due date first (dossiers without a running clock after, oldest filed first): the order of a work queue */
                sort?: "newest" | "deadline";
                state?: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "SUPPLEMENT_REQUESTED" | "IN_APPRAISAL" | "PENDING_DECISION" | "APPROVED" | "REJECTED" | "RETURNED" | "WITHDRAWN";
                type?: "NEW" | "AMENDMENT" | "EXTENSION" | "REISSUE" | "CHANGE_NOTICE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            /** @description The new application, in DRAFT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApplicationDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_appraisals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_reassign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssigneeDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChangeNoticesController_confirmation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_documents: {
        parameters: {
            query?: {
                all?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"][];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF, PNG or JPEG (judged by content)
                     */
                    file: string;
                    /** @example APPLICATION_FORM */
                    kind: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentView"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The file is larger than UPLOAD_MAX_BYTES (default 20 MiB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a PDF, PNG or JPEG by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedTransitionsDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplicationsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChangeNoticesController_openViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { applicationId, applicationVersion, violation } — the violation is OPEN */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                entityId?: string;
                entityType?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { valid, checked, firstBrokenId? } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Too many failed logins from this IP or for this e-mail in a minute */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            /** @description { user, organization } */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was authenticated by a bearer token, not by a session cookie */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_openSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Signed in; Set-Cookie: gis_session (httpOnly) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Wrong e-mail or password, or the account is disabled */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed logins from this IP or for this e-mail in a minute */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; the cookie is cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description CSRF_TOKEN_INVALID: the X-CSRF-Token header is missing or wrong
             *
             *     Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was authenticated by a bearer token, not by a session cookie */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthoritiesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthoritiesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuthorityDto"];
            };
        };
        responses: {
            /** @description The new licensing authority */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthoritiesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicenseSettingsController_numbering: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicenseSettingsController_setNumbering: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenseNumberingDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicenseSettingsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicenseSettingsController_setSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenseSettingsDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportSettingsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin, appraiser, approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportSettingsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportSettingsDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SigningController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningSettingsView"];
                };
            };
            /** @description The id is not a UUID (problem+json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such authority (problem+json) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The configured file can no longer be used (problem+json) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SigningController_setSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SigningSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningSettingsView"];
                };
            };
            /** @description Malformed body or id (problem+json) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such authority (problem+json) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SIGNING_CERTIFICATE_UNUSABLE: the file cannot be read, the passphrase is wrong or missing, no RSA key */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthoritiesController_staff: {
        parameters: {
            query?: {
                /** @description Only this role */
                role?: "appraiser" | "approver" | "inspector";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberDto"][];
                };
            };
            /** @description Malformed id or unknown role */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such authority, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearView"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearView"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnforcementProposalsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                state?: "OPEN" | "ACTED" | "DISMISSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: approver, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnforcementProposalsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { status: "ok", database: "up" } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description { status: "error", database: "down" } */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_list: {
        parameters: {
            query?: {
                kind?: "PERIODIC" | "AD_HOC";
                licenseId?: string;
                page?: number;
                pageSize?: number;
                state?: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInspectionDto"];
            };
        };
        responses: {
            /** @description The inspection, PLANNED */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_documents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF, PNG or JPEG (judged by content)
                     */
                    file: string;
                    /** @example APPLICATION_FORM */
                    kind: string;
                };
            };
        };
        responses: {
            /** @description The stored document */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The file is larger than UPLOAD_MAX_BYTES (default 20 MiB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a PDF, PNG or JPEG by its content */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedTransitionsDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InspectionsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Number, organization, site name or domain; case- and diacritic-insensitive */
                q?: string;
                status?: "ACTIVE" | "SUSPENDED" | "REVOKED" | "EXPIRED" | "TERMINATED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_get: {
        parameters: {
            query?: {
                /** @description An earlier version (see GET /licenses/{id}/versions) */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license (or, with ?version=n, that version of it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_pdf: {
        parameters: {
            query?: {
                /** @description An earlier version (see GET /licenses/{id}/versions) */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenseTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LicensesController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Only unread notifications */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistryController_search: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Number, organization, site name or domain; case- and diacritic-insensitive */
                q?: string;
                status?: "ACTIVE" | "SUSPENDED" | "REVOKED" | "EXPIRED" | "TERMINATED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryPageDto"];
                };
            };
            /** @description Invalid parameters (problem+json VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistryController_verify: {
        parameters: {
            query: {
                /** @description The verification code printed under the QR code */
                code: string;
                /** @description The license number as printed, e.g. 44/GP-STTTT */
                number: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationDto"];
                };
            };
            /** @description Missing or malformed number or code (problem+json VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_list: {
        parameters: {
            query?: {
                licenseId?: string;
                /** @description Only reports still owed after their due date */
                overdue?: boolean;
                page?: number;
                pageSize?: number;
                period?: string;
                state?: "DUE" | "SUBMITTED" | "ACCEPTED" | "RETURNED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitReportDto"];
            };
        };
        responses: {
            /** @description The report, SUBMITTED */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedTransitionsDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: appraiser) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestReportDto"];
            };
        };
        responses: {
            /** @description The requested report, DUE */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: appraiser) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RequirementsController_list: {
        parameters: {
            query: {
                applicationType: "NEW" | "AMENDMENT" | "EXTENSION" | "REISSUE" | "CHANGE_NOTICE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequirementView"][];
                };
            };
        };
    };
    SchedulerController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { today, jobs: [{ job, status, result? }] } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_lifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { siteId, state, license, allowed, history }: history across applications and license */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StateMachinesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every lifecycle: states, events, transitions with the roles that may fire them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StateMachinesController_one: {
        parameters: {
            query?: {
                format?: "json" | "mermaid";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StatisticsController_compute: {
        parameters: {
            query: {
                /** @description Admin only: the authority (all authorities when absent) */
                authorityId?: string;
                /** @description First day of the period (inclusive) */
                from: string;
                /** @description Last day of the period (inclusive) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dossiers, processing times, licenses, reports, inspections and violations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: approver, appraiser, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                authorityId?: string;
                page?: number;
                pageSize?: number;
                role?: "site_owner" | "appraiser" | "approver" | "inspector" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description The new account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationTypesController_list: {
        parameters: {
            query?: {
                /** @description The day; default today (Asia/Ho_Chi_Minh) */
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The violations catalogue in force that day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationTypesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViolationTypeDto"];
            };
        };
        responses: {
            /** @description The new catalogue entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_list: {
        parameters: {
            query?: {
                inspectionId?: string;
                licenseId?: string;
                page?: number;
                pageSize?: number;
                state?: "OPEN" | "SANCTIONED" | "RESOLVED" | "DISMISSED" | "ESCALATED";
                typeCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViolationDto"];
            };
        };
        responses: {
            /** @description The violation, OPEN */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedTransitionsDto"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: site_owner, appraiser, approver, inspector, admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ViolationsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ViolationTransitionDto"];
            };
        };
        responses: {
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Role not allowed (allowed: inspector, approver) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicPagesController_registryPage: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Number, organization, site name or domain; case- and diacritic-insensitive */
                q?: string;
                /** @description Empty for every status */
                status?: "ACTIVE" | "SUSPENDED" | "REVOKED" | "EXPIRED" | "TERMINATED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The search form, the results and a pager */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Invalid parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": Record<string, never>;
                    "text/html": string;
                };
            };
        };
    };
    PublicPagesController_licensePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                licenseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public particulars and status of the license */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such license */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": Record<string, never>;
                    "text/html": string;
                };
            };
        };
    };
    PublicPagesController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The verification code printed under the QR code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict: valid, suspended until …, revoked, expired, or not found for a wrong code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationDto"];
                    "text/html": string;
                };
            };
        };
    };
}
