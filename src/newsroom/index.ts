/** newsroom: staff accounts and roles (the admin API and web app build on these). */
export {
  type CreateStaffUserInput,
  type CreateStaffUserResult,
  createStaffUser,
  type StaffRole,
  StaffRoles,
  type StaffUser,
} from './staff-users.ts';
