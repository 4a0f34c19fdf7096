// Generated from schema/upstreams by `npm run generate:contracts`. Do not edit.

export type paths = {
    "/_apis/Location": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** Resource locations of the Location area (client discovery). */
        options: operations["locationAreaLocations"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/ResourceAreas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resource areas. An on-premises server answers `{"count":0,"value":null}`. */
        get: operations["listResourceAreas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** Resource locations of the git area (client discovery). */
        options: operations["gitAreaLocations"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All repositories of the collection. */
        get: operations["listRepositories"];
        put?: never;
        /** Create a repository in the project named in the body. */
        post: operations["createRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The projects of the collection (core API, beyond the seed document). */
        get: operations["listProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{project}/_apis/git/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        /** The repositories of one project. */
        get: operations["listProjectRepositories"];
        put?: never;
        /** Create a repository in the project of the URL. */
        post: operations["createProjectRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        /** One repository by id (or by name with a project in the URL). */
        get: operations["getRepository"];
        put?: never;
        post?: never;
        /** Permanently delete a repository. */
        delete: operations["deleteRepository"];
        options?: never;
        head?: never;
        /** Rename a repository or change its default branch. */
        patch: operations["updateRepository"];
        trace?: never;
    };
    "/{project}/_apis/git/repositories/{repositoryId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        /** One repository of a project, by id or name. */
        get: operations["getProjectRepository"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_git/{repositoryName}/vsts/info": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repositoryName: string;
            };
            cookie?: never;
        };
        /** Look a repository up by a clone URL of the form `{collection}/_git/{name}` (name equal to its project's). */
        get: operations["getCollectionRepositoryInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{project}/_git/{repositoryName}/vsts/info": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
                repositoryName: string;
            };
            cookie?: never;
        };
        /** Look a repository up by its clone URL (`{remoteUrl}/vsts/info`). */
        get: operations["getRepositoryInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}/refs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        /** Refs of a repository, paged by `$top` and a continuation token. */
        get: operations["listRefs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}/commits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        /** Commits reachable from a version, newest first, optionally touching a path. */
        get: operations["listCommits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}/commits/{commitId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
                commitId: string;
            };
            cookie?: never;
        };
        /** One commit, with its parents. */
        get: operations["getCommit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}/commits/{commitId}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
                commitId: string;
            };
            cookie?: never;
        };
        /** The files a commit added, edited or deleted (against its first parent). */
        get: operations["getCommitChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_apis/git/repositories/{repositoryId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        /** With `path`: one file's content (or its metadata as JSON when `$format=json` or when the request accepts only JSON). With `scopePath`: the entries of a folder, one level or all. */
        get: operations["getItems"];
        put?: never;
        post?: never;
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
        ErrorBody: {
            $id: string;
            innerException: null;
            message: string;
            typeName: string;
            typeKey: string;
            errorCode: number;
            eventId: number;
        };
        ResourceLocation: {
            /** Format: uuid */
            id: string;
            area: string;
            resourceName: string;
            routeTemplate: string;
            resourceVersion: number;
            minVersion: string;
            maxVersion: string;
            releasedVersion: string;
        };
        ResourceLocationList: {
            count: number;
            value: components["schemas"]["ResourceLocation"][];
        };
        /** @enum {string} */
        VersionType: "branch" | "tag" | "commit";
        TeamProjectReference: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            /** @enum {string} */
            state: "wellFormed" | "createPending" | "deleting" | "new" | "all" | "unchanged" | "deleted";
            revision?: number;
            visibility?: string;
        };
        GitRepository: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            project: components["schemas"]["TeamProjectReference"];
            /** @description Absent for an empty repository. */
            defaultBranch?: string;
            remoteUrl: string;
            sshUrl?: string;
            webUrl?: string;
            size?: number;
            isDisabled?: boolean;
            isFork?: boolean;
            validRemoteUrls?: string[];
            _links?: {
                [key: string]: unknown;
            };
        };
        RepositoryCreateOptions: {
            name: string;
            project?: {
                id?: string;
                name?: string;
            };
            parentRepository?: {
                [key: string]: unknown;
            };
        };
        RepositoryUpdate: {
            name?: string;
            defaultBranch?: string;
        };
        VstsInfo: {
            serverUrl: string;
            collection: {
                /** Format: uuid */
                id: string;
                name: string;
                url: string;
            };
            repository: {
                /** Format: uuid */
                id: string;
                name: string;
                url: string;
                remoteUrl: string;
                project: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    url: string;
                    /** @description 1 = wellFormed (a number here, unlike the repositories API). */
                    state: number;
                    revision?: number;
                };
            };
        };
        IdentityRef: {
            displayName: string;
            uniqueName: string;
            id: string;
        };
        GitRef: {
            name: string;
            objectId: string;
            peeledObjectId?: string;
            creator?: components["schemas"]["IdentityRef"];
            url: string;
        };
        GitUserDate: {
            name: string;
            email: string;
            /** Format: date-time */
            date: string;
        };
        /** @description Counts that are zero may be left out. */
        ChangeCounts: {
            Add?: number;
            Edit?: number;
            Delete?: number;
        };
        GitCommitRef: {
            commitId: string;
            author: components["schemas"]["GitUserDate"];
            committer: components["schemas"]["GitUserDate"];
            comment: string;
            commentTruncated?: boolean;
            changeCounts?: components["schemas"]["ChangeCounts"];
            url: string;
            remoteUrl?: string;
        };
        GitCommit: components["schemas"]["GitCommitRef"] & {
            parents: string[];
            treeId?: string;
        };
        GitItem: {
            objectId: string;
            /** @enum {string} */
            gitObjectType: "blob" | "tree" | "commit";
            commitId: string;
            path: string;
            isFolder?: boolean;
            size?: number;
            url: string;
        };
        GitChange: {
            /** @description Flags, comma-separated: add, edit, delete, rename, and others (e.g. `edit, rename`). */
            changeType: string;
            item: components["schemas"]["GitItem"];
        };
        GitCommitChanges: {
            changeCounts: components["schemas"]["ChangeCounts"];
            changes: components["schemas"]["GitChange"][];
        };
    };
    responses: {
        /** @description A repository. */
        Repository: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GitRepository"];
            };
        };
        /** @description Repositories. */
        RepositoryList: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    count: number;
                    value: components["schemas"]["GitRepository"][];
                };
            };
        };
        /** @description The repository behind a clone URL, with its server and collection. */
        VstsInfo: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VstsInfo"];
            };
        };
        /** @description An argument failed validation. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description TF400813: no valid credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Expired credentials answered with an HTML sign-in page instead of 401. */
        SignInPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/html": string;
            };
        };
        /** @description TF401019 (repository) or TF200016 (project): not found, or not visible to the caller. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description TF400948: a repository with that name already exists. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        apiVersion: string;
        /** @description Project name or id. */
        project: string;
        /** @description Repository id, or name when a project is in the URL. */
        repositoryId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    locationAreaLocations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resource locations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceLocationList"];
                };
            };
        };
    };
    listResourceAreas: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                enterpriseName?: string;
                organizationName?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No areas on premises. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        count: 0;
                        value: null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    gitAreaLocations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resource locations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceLocationList"];
                };
            };
        };
    };
    listRepositories: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                includeLinks?: boolean;
                includeAllUrls?: boolean;
                includeHidden?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RepositoryList"];
            203: components["responses"]["SignInPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                sourceRef?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepositoryCreateOptions"];
            };
        };
        responses: {
            201: components["responses"]["Repository"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                $top?: number;
                $skip?: number;
                stateFilter?: "wellFormed" | "createPending" | "deleting" | "new" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        value: components["schemas"]["TeamProjectReference"][];
                    };
                };
            };
            203: components["responses"]["SignInPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listProjectRepositories: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                includeLinks?: boolean;
                includeAllUrls?: boolean;
                includeHidden?: boolean;
            };
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RepositoryList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createProjectRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                sourceRef?: string;
            };
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepositoryCreateOptions"];
            };
        };
        responses: {
            201: components["responses"]["Repository"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Repository"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepositoryUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Repository"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getProjectRepository: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
            };
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Repository"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCollectionRepositoryInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repositoryName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["VstsInfo"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getRepositoryInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project name or id. */
                project: components["parameters"]["project"];
                repositoryName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["VstsInfo"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listRefs: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                /** @description Prefix after `refs/`, e.g. `heads/`. */
                filter?: string;
                filterContains?: string;
                includeLinks?: boolean;
                includeStatuses?: boolean;
                includeMyBranches?: boolean;
                latestStatusesOnly?: boolean;
                peelTags?: boolean;
                $top?: number;
                continuationToken?: string;
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of refs; `x-ms-continuationtoken` is present when more follow. */
            200: {
                headers: {
                    "x-ms-continuationtoken"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        value: components["schemas"]["GitRef"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listCommits: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                "searchCriteria.itemVersion.version"?: string;
                "searchCriteria.itemVersion.versionType"?: components["schemas"]["VersionType"];
                "searchCriteria.itemPath"?: string;
                "searchCriteria.author"?: string;
                "searchCriteria.fromDate"?: string;
                "searchCriteria.toDate"?: string;
                "searchCriteria.$top"?: number;
                "searchCriteria.$skip"?: number;
                $top?: number;
                $skip?: number;
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of commits (default 100). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        value: components["schemas"]["GitCommitRef"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCommit: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                changeCount?: number;
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
                commitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The commit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GitCommit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCommitChanges: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                top?: number;
                skip?: number;
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
                commitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GitCommitChanges"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getItems: {
        parameters: {
            query?: {
                "api-version"?: components["parameters"]["apiVersion"];
                path?: string;
                scopePath?: string;
                recursionLevel?: "none" | "oneLevel" | "full" | "None" | "OneLevel" | "Full";
                includeContentMetadata?: boolean;
                includeContent?: boolean;
                download?: boolean;
                $format?: "json" | "octetStream" | "text" | "zip";
                "versionDescriptor.version"?: string;
                "versionDescriptor.versionType"?: components["schemas"]["VersionType"];
            };
            header?: never;
            path: {
                /** @description Repository id, or name when a project is in the URL. */
                repositoryId: components["parameters"]["repositoryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A file's content, or a list of items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                    "text/plain": string;
                    "application/json": components["schemas"]["GitItem"] | {
                        count: number;
                        value: components["schemas"]["GitItem"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
}
