// Generated from schema/upstreams by `npm run generate:contracts`. Do not edit.

export type paths = {
    "/account/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in and obtain an access token (valid for 30 days). */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/organizations/getmany": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List Git organizations integrated with GitProtect. */
        post: operations["getOrganizations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/organizations/synchronize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Synchronize organization data with the GitProtect system. */
        post: operations["synchronizeOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/listassignedtoorganization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List all backup plans to which the organization's repositories are assigned. */
        post: operations["listPlansAssignedToOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/attachgitrepository": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a repository to a backup plan. */
        post: operations["attachGitRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/detachgitrepository": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a repository from a backup plan. */
        post: operations["detachGitRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/AttachAzureProject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an Azure DevOps project to a plan with individual project selection. */
        post: operations["attachAzureProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/DetachAzureProject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove an Azure DevOps project from a plan with individual project selection. */
        post: operations["detachAzureProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/modifygitplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit an existing Git backup plan. The body replaces the stored plan. */
        post: operations["modifyGitPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plans/ModifyAzurePlanAsync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit an existing Azure DevOps backup plan. The body replaces the stored plan. */
        post: operations["modifyAzurePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/repositories/getmany": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List the repositories of one organization. */
        post: operations["getRepositories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/repositories/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate licences for repositories. Needs role DataRemoveManagement or GitManagement. */
        post: operations["activateRepositories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/repositories/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate licences for repositories. Needs role DataRemoveManagement or GitManagement. */
        post: operations["deactivateRepositories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/git/repositories/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a repository from GitProtect, with its backup data when `removedata` is true. */
        post: operations["removeRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** Format: uuid */
        Guid: string;
        ProblemDetails: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            traceId?: string;
            errors?: {
                [key: string]: string[];
            };
        };
        LoginRequest: {
            email: string;
            password: string;
            rememberMe?: boolean;
        };
        LoginResponse: {
            userId: components["schemas"]["Guid"];
            /** @description A JWT valid for 30 days. */
            accessToken: string;
        };
        Filter: {
            field: string;
            /**
             * @default eq
             * @enum {string}
             */
            operator: "eq" | "neq" | "contains" | "startswith";
            value: string | number | boolean;
        };
        GetManyRequest: {
            /** @default 20 */
            limit: number;
            orderby?: string;
            /**
             * @default asc
             * @enum {string}
             */
            ordertype: "asc" | "desc";
            /** @default 1 */
            page: number;
            filters?: components["schemas"]["Filter"][];
        };
        GetRepositoriesRequest: components["schemas"]["GetManyRequest"] & {
            /** @description Organization ID. */
            id: components["schemas"]["Guid"];
        };
        ListPlansRequest: {
            /** @default 20 */
            limit: number;
            /** @default 1 */
            page: number;
            organizationid: components["schemas"]["Guid"];
        };
        IdRequest: {
            id: components["schemas"]["Guid"];
        };
        IdsRequest: {
            Ids: components["schemas"]["Guid"][];
        };
        RemoveRepositoryRequest: {
            id: components["schemas"]["Guid"];
            /** @default false */
            removedata: boolean;
        };
        PlanRepositoryRequest: {
            planid: components["schemas"]["Guid"];
            repositoryid: components["schemas"]["Guid"];
        };
        PlanProjectRequest: {
            planId: components["schemas"]["Guid"];
            projectId: components["schemas"]["Guid"];
        };
        PageEnvelope: {
            currentPage: number;
            pageCount: number;
            totalEntries: number;
            result: unknown[];
        };
        OrganizationPage: components["schemas"]["PageEnvelope"] & {
            result?: components["schemas"]["Organization"][];
        };
        RepositoryPage: components["schemas"]["PageEnvelope"] & {
            result?: components["schemas"]["Repository"][];
        };
        PlanPage: components["schemas"]["PageEnvelope"] & {
            result?: components["schemas"]["Plan"][];
        };
        /** @description Git provider: 1 GitHub, 2 Bitbucket, 3 GitLab, 4 Azure DevOps, 5 generic Git server (SCM-Manager and others); an unknown number is taken as no known provider, not as a wrong answer. */
        EGitDriver: number;
        /**
         * @description 1 Git plan, 2 Azure DevOps plan.
         * @enum {integer}
         */
        EPlanType: 1 | 2;
        /**
         * @description 1 full, 2 incremental, 3 differential.
         * @enum {integer}
         */
        EBackupType: 1 | 2 | 3;
        /**
         * @description 1 all repositories, 2 individual selection, 3 rule based.
         * @enum {integer}
         */
        EGitChoiceMode: 1 | 2 | 3;
        PlanRef: {
            id: components["schemas"]["Guid"];
            name: string;
        };
        Organization: {
            id: components["schemas"]["Guid"];
            driver: components["schemas"]["EGitDriver"];
            name: string;
            /** @description Null for providers without an API URL of their own. */
            apiUrl: string | null;
            isReadOnly: boolean;
            protectedRepositories: number;
            totalRepositories: number;
            missingLicences: number;
            removedRepositories: number;
            defaultWorkerId: components["schemas"]["Guid"] | null;
            isCreatedByMarketplace: boolean;
            synchronizationInProgress: boolean;
            plans: components["schemas"]["PlanRef"][];
        };
        Repository: {
            id: components["schemas"]["Guid"];
            organizationId: components["schemas"]["Guid"];
            name: string;
            fullName: string;
            /** @description Clone URL as the provider reported it. */
            url: string;
            isLicenceActive: boolean;
            isRemoved: boolean;
            sizeBytes: number;
            /** Format: date-time */
            lastBackupDate: string | null;
            /** @enum {string} */
            lastBackupStatus: "None" | "Success" | "Warning" | "Failed";
            plans: components["schemas"]["PlanRef"][];
        };
        BackupSchedule: {
            /** @enum {string} */
            frequency: "Hourly" | "Daily" | "Weekly" | "Monthly";
            startTime: string;
            intervalHours?: number;
            daysOfWeek?: number[];
            dayOfMonth?: number;
            timeZone?: string;
        };
        CompressionSettings: {
            enabled: boolean;
            level?: number;
        };
        EncryptionSettings: {
            enabled: boolean;
            /** @enum {string} */
            algorithm?: "AES128" | "AES256";
            password?: string;
        };
        CustomActions: {
            beforeBackup?: string | null;
            afterBackup?: string | null;
        };
        NotificationSettings: {
            onSuccess?: boolean;
            onFailure?: boolean;
            emails?: string[];
        };
        AzureDevOpsRule: {
            /** @enum {string} */
            elementType: "project" | "wiki" | "repository";
            /** @enum {string} */
            mode: "include" | "exclude";
            pattern: string;
        };
        GuidList: components["schemas"]["Guid"][];
        PlanCommon: {
            id?: components["schemas"]["Guid"];
            isActive?: boolean;
            name?: string;
            type?: components["schemas"]["EPlanType"];
            backupType?: components["schemas"]["EBackupType"];
            storageId?: components["schemas"]["Guid"];
            repositoriesIds?: components["schemas"]["GuidList"];
            workerId?: components["schemas"]["Guid"];
            schedule?: components["schemas"]["BackupSchedule"];
            advancedOptions?: {
                [key: string]: string;
            };
            compressionSettings?: components["schemas"]["CompressionSettings"];
            encryptionSettings?: components["schemas"]["EncryptionSettings"];
            customActions?: components["schemas"]["CustomActions"];
            organizationId?: components["schemas"]["Guid"];
            includeMetadata?: boolean;
        };
        ModifyGitPlanRequest: components["schemas"]["PlanCommon"] & {
            /** @description Spelled as the public documentation spells it. */
            inculdeAllReposistories?: boolean;
        };
        ModifyAzurePlanRequest: components["schemas"]["PlanCommon"] & {
            excludedRepositoriesIds?: components["schemas"]["GuidList"];
            projectsIds?: components["schemas"]["GuidList"];
            wikisIds?: components["schemas"]["GuidList"];
            notificationSettings?: components["schemas"]["NotificationSettings"];
            useExtraCredentials?: boolean;
            additionalCredentials?: components["schemas"]["GuidList"];
            resourceKindsToIgnore?: number[];
            gitChoiceMode?: components["schemas"]["EGitChoiceMode"];
            rules?: components["schemas"]["AzureDevOpsRule"][];
        };
        /** @description A backup plan as stored. Azure DevOps plans (type 2) also carry the Azure-only settings. */
        Plan: components["schemas"]["PlanCommon"] & {
            /** @description Documented for Git plans only; Azure DevOps plans may leave it out. */
            inculdeAllReposistories?: boolean;
            excludedRepositoriesIds?: components["schemas"]["GuidList"];
            projectsIds?: components["schemas"]["GuidList"];
            wikisIds?: components["schemas"]["GuidList"];
            notificationSettings?: components["schemas"]["NotificationSettings"];
            useExtraCredentials?: boolean;
            additionalCredentials?: components["schemas"]["GuidList"];
            resourceKindsToIgnore?: number[];
            gitChoiceMode?: components["schemas"]["EGitChoiceMode"];
            rules?: components["schemas"]["AzureDevOpsRule"][];
        };
    };
    responses: {
        /** @description Done. */
        Done: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The body failed validation. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Missing, malformed or expired access token. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The account lacks the role DataRemoveManagement or GitManagement. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description An id in the body names nothing. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOrganizations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetManyRequest"];
            };
        };
        responses: {
            /** @description One page of organizations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    synchronizeOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listPlansAssignedToOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListPlansRequest"];
            };
        };
        responses: {
            /** @description One page of plans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    attachGitRepository: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanRepositoryRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    detachGitRepository: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanRepositoryRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    attachAzureProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanProjectRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    detachAzureProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanProjectRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    modifyGitPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModifyGitPlanRequest"];
            };
        };
        responses: {
            /** @description The plan as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    modifyAzurePlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModifyAzurePlanRequest"];
            };
        };
        responses: {
            /** @description The plan as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getRepositories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetRepositoriesRequest"];
            };
        };
        responses: {
            /** @description One page of repositories. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepositoryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    activateRepositories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdsRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deactivateRepositories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdsRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    removeRepository: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveRepositoryRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
