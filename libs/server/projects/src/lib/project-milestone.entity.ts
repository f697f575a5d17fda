import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** A dated step of a project (land cleared, works started, first deliveries…), in plan order. */
@Entity({ name: 'project_milestone' })
@Index('project_milestone_project_idx', ['projectId', 'position'])
export class ProjectMilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'planned_date', type: 'date' })
  plannedDate!: string;

  @Column({ name: 'actual_date', type: 'date', nullable: true })
  actualDate!: string | null;
}
