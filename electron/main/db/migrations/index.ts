import type { MigrationInterface } from 'typeorm';
import { OpportunityReportIndexes1795359835849 } from './1795359835849-OpportunityReportIndexes';
import { Initial1795353657180 } from './1795353657180-Initial';
import { SalesForceAutomation1795356916803 } from './1795356916803-SalesForceAutomation';
import { SearchIndexAndDefaultPipeline1795357000000 } from './1795357000000-SearchIndexAndDefaultPipeline';
import { DefaultLeadScoringRules1795357100000 } from './1795357100000-DefaultLeadScoringRules';
import { GridIndexesAndPreferences1795353661651 } from './1795353661651-GridIndexesAndPreferences';
import { QuotesAndCatalog1795363568123 } from './1795363568123-QuotesAndCatalog';
import { TerritoriesAndAssignment1795365103089 } from './1795365103089-TerritoriesAndAssignment';
import { LeanAssignmentLog1795366000000 } from './1795366000000-LeanAssignmentLog';
import { ImportsAndRecordKeys1795367000000 } from './1795367000000-ImportsAndRecordKeys';
import { JobsTable1795368000000 } from './1795368000000-JobsTable';
import { SegmentsAndLists1795369000000 } from './1795369000000-SegmentsAndLists';
import { ImportSearchBacklog1795370000000 } from './1795370000000-ImportSearchBacklog';
import { Campaigns1795371000000 } from './1795371000000-Campaigns';
import { TagsAndCustomPicklists1795372000000 } from './1795372000000-TagsAndCustomPicklists';
import { GridGeneration1795373000000 } from './1795373000000-GridGeneration';
import { CoveringSortIndexes1795374000000 } from './1795374000000-CoveringSortIndexes';
import { ClosingsIndexLostReason1795375000000 } from './1795375000000-ClosingsIndexLostReason';
import { ImportChangeRanges1795376000000 } from './1795376000000-ImportChangeRanges';

/** Every migration this build knows, oldest first. Listed by hand so the bundler keeps them. */
export const migrations: (new () => MigrationInterface)[] = [
  Initial1795353657180, GridIndexesAndPreferences1795353661651,
  SalesForceAutomation1795356916803,
  SearchIndexAndDefaultPipeline1795357000000,
  DefaultLeadScoringRules1795357100000,
  OpportunityReportIndexes1795359835849,
  QuotesAndCatalog1795363568123,
  TerritoriesAndAssignment1795365103089,
  LeanAssignmentLog1795366000000,
  ImportsAndRecordKeys1795367000000,
  JobsTable1795368000000,
  SegmentsAndLists1795369000000,
  ImportSearchBacklog1795370000000,
  Campaigns1795371000000,
  TagsAndCustomPicklists1795372000000,
  GridGeneration1795373000000,
  CoveringSortIndexes1795374000000,
  ClosingsIndexLostReason1795375000000,
  ImportChangeRanges1795376000000,
];
