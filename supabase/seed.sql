-- Demo portfolio, loaded by `supabase db reset` and by the Docker-free stack on first start.
insert into app.organizations (name, timezone, late_grace_days)
values ('Demo Rentals', 'America/Chicago', 5);

insert into app.members (organization_id, email, name, role)
select id, 'owner@demo-rentals.test', 'Dana Owner', 'owner' from app.organizations where name = 'Demo Rentals';
