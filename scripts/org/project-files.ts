/** What `npm run org:create` reads from the project: namespace, permission sets, sample users and profiles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectPaths, SampleUserRecord } from './plan.ts';

export interface ProjectInfo extends ProjectPaths {
    /** The namespace of sfdx-project.json ("" when the project has none). */
    namespace: string;
    /** sfdx-project.json's sourceApiVersion: the Metadata API version of what the script deploys. */
    apiVersion: string;
    /** Names of the permission sets under force-app/main/default/permissionsets/, sorted. */
    permissionSets: string[];
    users: SampleUserRecord[];
    /** data/Profile.json: referenceId → profile Name. */
    profilesByRef: Record<string, string>;
}

interface TreeFile<T> {
    records: T[];
}

function readJson<T>(root: string, file: string): T {
    const full = path.join(root, file);
    if (!existsSync(full)) throw new Error(`${file} is missing.`);
    try {
        return JSON.parse(readFileSync(full, 'utf8')) as T;
    } catch (error) {
        throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
}

/** Reads the project files the setup needs; paths in the answer are relative to `root` (the CLI runs there). */
export function loadProject(root: string): ProjectInfo {
    const project = readJson<{
        namespace?: string;
        sourceApiVersion?: string;
        packageDirectories?: Array<{ path: string; default?: boolean }>;
    }>(root, 'sfdx-project.json');
    const sourceDir = project.packageDirectories?.find((dir) => dir.default)?.path ?? 'force-app';
    const scratchDefinitionFile = 'config/project-scratch-def.json';
    const dataPlanFile = 'data/data-plan.json';
    for (const file of [scratchDefinitionFile, dataPlanFile])
        if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing.`);

    const permissionSetDir = path.join(root, sourceDir, 'main', 'default', 'permissionsets');
    const permissionSets = existsSync(permissionSetDir)
        ? readdirSync(permissionSetDir)
              .filter((file) => file.endsWith('.permissionset-meta.xml'))
              .map((file) => file.replace(/\.permissionset-meta\.xml$/, ''))
              .sort()
        : [];

    const users = readJson<TreeFile<SampleUserRecord>>(root, 'data/User.json').records;
    const profiles = readJson<TreeFile<{ attributes: { referenceId: string }; Name: string }>>(
        root,
        'data/Profile.json'
    ).records;
    const profilesByRef = Object.fromEntries(profiles.map((profile) => [profile.attributes.referenceId, profile.Name]));

    return {
        namespace: (project.namespace ?? '').trim(),
        apiVersion: project.sourceApiVersion ?? '65.0',
        scratchDefinitionFile,
        sourceDir,
        dataPlanFile,
        permissionSets,
        users,
        profilesByRef
    };
}
