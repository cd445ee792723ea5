import { AccountEntity } from '../domain/accounts/account.entity';
import { ActivityAttendeeEntity, ActivityEntity } from '../domain/activities/activity.entity';
import { LeadScoringRuleEntity } from '../domain/leads/lead-scoring-rule.entity';
import { LeadEntity } from '../domain/leads/lead.entity';
import { OpportunityEntity, OpportunityStageChangeEntity, QuotaEntity } from '../domain/opportunities/opportunity.entity';
import { PipelineEntity, PipelineStageEntity } from '../domain/opportunities/pipeline.entity';
import { AttachmentEntity } from '../domain/attachments/attachment.entity';
import { PriceBookEntity, PriceBookEntryEntity } from '../domain/catalog/price-book.entity';
import { ProductComponentEntity, ProductEntity, ProductRuleEntity } from '../domain/catalog/product.entity';
import { TaxClassEntity } from '../domain/catalog/tax-class.entity';
import { QuoteEntity, QuoteLineEntity, QuoteStatusChangeEntity } from '../domain/quotes/quote.entity';
import { AppSettingEntity } from '../domain/settings/app-setting.entity';
import { TeamEntity } from '../domain/teams/team.entity';
import { AssignmentBatchEntity, AssignmentEntity, TerritoryEntity, TerritoryMemberEntity, TerritoryRuleEntity } from '../domain/territories/territory.entity';
import { ImportBatchEntity, ImportChangeEntity, ImportErrorEntity, RecordKeyEntity } from '../domain/imports/import.entity';
import { MergeEntity } from '../domain/duplicates/merge.entity';
import { MassUpdateEntity } from '../domain/mass-update/mass-update.entity';
import { AuditEntryEntity } from '../domain/audit/audit-entry.entity';
import { ContactEntity } from '../domain/contacts/contact.entity';
import { UserPreferenceEntity } from '../domain/preferences/user-preference.entity';
import { UserEntity } from '../domain/users/user.entity';
import { SegmentEntity, SuppressionEntity, TargetListEntity, TargetListMemberEntity } from '../domain/segments/segment.entity';
import { CallListItemEntity, CampaignEntity, CampaignMemberEntity, CampaignResponseEntity, CampaignStepEntity, CampaignTouchEntity } from '../domain/campaigns/campaign.entity';
import { RecordTagEntity, TagEntity } from '../domain/tags/tag.entity';
import { CustomFieldEntity, CustomFieldValueEntity } from '../domain/custom-fields/custom-field.entity';
import { JobEffectEntity, JobEntity, PausedJobGroupEntity } from '../jobs/job.entity';

export const entities = [
  UserEntity, AccountEntity, ContactEntity, AuditEntryEntity, UserPreferenceEntity,
  LeadEntity, LeadScoringRuleEntity, PipelineEntity, PipelineStageEntity, OpportunityEntity, OpportunityStageChangeEntity, QuotaEntity,
  ActivityEntity, ActivityAttendeeEntity,
  AppSettingEntity, AttachmentEntity, TaxClassEntity, ProductEntity, ProductComponentEntity, ProductRuleEntity,
  PriceBookEntity, PriceBookEntryEntity, QuoteEntity, QuoteLineEntity, QuoteStatusChangeEntity,
  TeamEntity, TerritoryEntity, TerritoryMemberEntity, TerritoryRuleEntity, AssignmentEntity, AssignmentBatchEntity,
  ImportBatchEntity, ImportChangeEntity, ImportErrorEntity, RecordKeyEntity, MergeEntity, MassUpdateEntity,
  SegmentEntity, TargetListEntity, TargetListMemberEntity, SuppressionEntity,
  JobEntity, JobEffectEntity, PausedJobGroupEntity,
  CampaignEntity, CampaignStepEntity, CampaignMemberEntity, CampaignTouchEntity, CampaignResponseEntity, CallListItemEntity,
  TagEntity, RecordTagEntity, CustomFieldEntity, CustomFieldValueEntity,
];
